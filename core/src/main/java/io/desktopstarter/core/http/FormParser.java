package io.desktopstarter.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} bodies and query strings, strictly: bad escapes,
 * bytes that are not UTF-8 and too many fields are a 400, never a silent substitution.
 */
public final class FormParser {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_FIELDS = 256;

    private FormParser() {
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
        String[] pairs = encoded.split("&", MAX_FIELDS + 2);
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
        return PercentDecoder.decode(part).orElseThrow(() -> new HttpError(400, "Malformed form encoding"));
    }
}
