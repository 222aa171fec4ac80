package io.desktopstarter.core.http.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Serializes a response; the always-on headers go on every response, refusals included. */
final class ResponseWriter {
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(303, "See Other"),
            Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"),
            Map.entry(505, "HTTP Version Not Supported"));

    private final List<HeaderFields.Field> always;

    ResponseWriter(List<HeaderFields.Field> always) {
        this.always = List.copyOf(always);
    }

    /**
     * Writes the response; a header a handler built wrongly (CR, LF, non-ASCII) is caught before a
     * byte is sent and answered with a plain 500 instead, so a bad value can never split a response.
     */
    void write(OutputStream out, WireResponse response, String method, boolean close) throws IOException {
        byte[] head;
        try {
            head = head(response, method, close);
        } catch (IllegalArgumentException e) {
            response = WireResponse.refusal(500, "Internal Server Error");
            head = head(response, method, true);
        }
        out.write(head);
        if (!method.equals("HEAD") && hasBody(response.status())) {
            out.write(response.body());
        }
        out.flush();
    }

    private byte[] head(WireResponse response, String method, boolean close) {
        StringBuilder text = new StringBuilder(512).append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        for (HeaderFields.Field field : always) {
            append(text, field);
        }
        for (HeaderFields.Field field : response.headers()) {
            if (field.name().equalsIgnoreCase("Content-Length") || field.name().equalsIgnoreCase("Connection")) {
                throw new IllegalArgumentException("the server sets " + field.name());
            }
            append(text, field);
        }
        if (hasBody(response.status())) {
            text.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        if (close) {
            text.append("Connection: close\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void append(StringBuilder text, HeaderFields.Field field) {
        if (!HeadParser.isToken(field.name())) {
            throw new IllegalArgumentException("bad header name");
        }
        for (int i = 0; i < field.value().length(); i++) {
            char c = field.value().charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                throw new IllegalArgumentException("header " + field.name() + " holds a character HTTP cannot carry");
            }
        }
        text.append(field.name()).append(": ").append(field.value()).append("\r\n");
    }

    static String reason(int status) {
        return REASONS.getOrDefault(status, "Status");
    }

    private static boolean hasBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }
}
