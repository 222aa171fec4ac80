package io.desktopstarter.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code application/x-www-form-urlencoded} bodies and query strings, with a size cap. */
public final class FormParser {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_FIELDS = 256;
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private FormParser() {
    }

    /** Reads at most {@link #MAX_BODY_BYTES}; a larger body is a 413, never truncated silently. */
    public static byte[] readCapped(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > MAX_BODY_BYTES) {
            throw tooLarge(in);
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge(in);
        }
        return body;
    }

    /**
     * Reads and drops a bounded amount of the rest of the body first: a client still uploading
     * would otherwise see a connection reset instead of the 413.
     */
    private static HttpError tooLarge(InputStream in) throws IOException {
        long left = DRAIN_LIMIT;
        byte[] sink = new byte[8192];
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
        return new HttpError(413, "Request body too large");
    }

    public static Map<String, List<String>> parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HttpError(400, "Form data is not valid UTF-8");
        }
        return parse(text);
    }

    public static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        String[] pairs = encoded.split("&");
        if (pairs.length > MAX_FIELDS) {
            throw new HttpError(400, "Too many form fields");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "Malformed form encoding");
        }
    }
}
