package io.desktopstarter.core.http.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one request head strictly (RFC 9112, the subset browsers and the launcher send): CRLF line
 * ends, an origin-form target of printable ASCII, token header names, no folding, no control
 * characters, one Host, a plain Content-Length and no Transfer-Encoding. Anything else is a
 * {@link WireException}, never a guess: two parsers that guess differently are how requests get
 * smuggled.
 */
final class HeadParser {
    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";
    private static final int MAX_EMPTY_LINES = 4;

    private final WireLimits limits;

    HeadParser(WireLimits limits) {
        this.limits = limits;
    }

    /**
     * The next head, or empty when the client closed the connection before sending a byte.
     * The head deadline starts at the first byte; until then the idle deadline set by the caller runs.
     */
    Optional<RequestHead> read(WireInput in, Duration headTimeout) throws IOException, WireException {
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        in.deadline(headTimeout);
        try {
            return Optional.of(afterFirstByte(in, first));
        } catch (WireInput.DeadlineException e) {
            throw new WireException(408, "request head too slow");
        }
    }

    private RequestHead afterFirstByte(WireInput in, int first) throws IOException, WireException {
        String requestLine = line(in, first, limits.maxRequestLine(), 414, "request line too long");
        for (int empty = 0; requestLine.isEmpty(); empty++) {
            if (empty == MAX_EMPTY_LINES) {
                throw new WireException(400, "no request line");
            }
            requestLine = line(in, in.read(), limits.maxRequestLine(), 414, "request line too long");
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3) {
            throw new WireException(400, "malformed request line");
        }
        String method = parts[0];
        String target = parts[1];
        String version = parts[2];
        if (method.isEmpty() || !isToken(method)) {
            throw new WireException(400, "malformed method");
        }
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new WireException(version.startsWith("HTTP/") ? 505 : 400, "unsupported HTTP version");
        }
        if (!target.startsWith("/") || !printableAscii(target) || target.indexOf('#') >= 0) {
            throw new WireException(400, "request target is not a plain path");
        }
        HeaderFields headers = headers(in);
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        Optional<String> rawQuery = question < 0 ? Optional.empty() : Optional.of(target.substring(question + 1));
        return new RequestHead(method, rawPath, rawQuery, version, headers, framing(headers, version));
    }

    private HeaderFields headers(WireInput in) throws IOException, WireException {
        List<HeaderFields.Field> fields = new ArrayList<>();
        int budget = limits.maxHeaderBytes();
        while (true) {
            String line = line(in, in.read(), Math.max(0, budget), 431, "headers too large");
            budget -= line.length() + 2;
            if (line.isEmpty()) {
                return new HeaderFields(fields);
            }
            if (fields.size() == limits.maxHeaders()) {
                throw new WireException(431, "too many headers");
            }
            char start = line.charAt(0);
            if (start == ' ' || start == '\t') {
                throw new WireException(400, "folded header line");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new WireException(400, "malformed header name");
            }
            String value = line.substring(colon + 1).strip();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw new WireException(400, "control character in a header value");
                }
            }
            fields.add(new HeaderFields.Field(line.substring(0, colon), value));
        }
    }

    /** The body length this head announces; the framing rules that stop smuggling. */
    private static long framing(HeaderFields headers, String version) throws WireException {
        if (!headers.all("Transfer-Encoding").isEmpty()) {
            throw new WireException(501, "Transfer-Encoding is not supported; send Content-Length");
        }
        List<String> hosts = headers.all("Host");
        if (hosts.size() > 1 || (hosts.isEmpty() && version.equals("HTTP/1.1"))) {
            throw new WireException(400, "a request needs exactly one Host header");
        }
        List<String> lengths = headers.all("Content-Length");
        if (lengths.isEmpty()) {
            return 0;
        }
        if (lengths.size() > 1) {
            throw new WireException(400, "more than one Content-Length");
        }
        String value = lengths.getFirst();
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new WireException(400, "malformed Content-Length");
        }
        return Long.parseLong(value);
    }

    /** One line without its CRLF, decoded as ISO-8859-1 (header values may carry obs-text bytes). */
    private static String line(WireInput in, int first, int max, int status, String tooLong) throws IOException, WireException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        int b = first;
        while (true) {
            if (b < 0) {
                throw new WireException(400, "connection closed inside the request head");
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw new WireException(400, "CR without LF");
                }
                return bytes.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                throw new WireException(400, "bare LF line end");
            }
            if (b == 0) {
                throw new WireException(400, "NUL in the request head");
            }
            if (bytes.size() == max) {
                throw new WireException(status, tooLong);
            }
            bytes.write(b);
            b = in.read();
        }
    }

    static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || TOKEN_CHARS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean printableAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
