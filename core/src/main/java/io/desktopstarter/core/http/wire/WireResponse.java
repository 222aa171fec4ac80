package io.desktopstarter.core.http.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a handler answers: status, headers (the server adds the always-on ones, Content-Length and
 * Connection), body, and whether the connection must close afterwards.
 */
public record WireResponse(int status, List<HeaderFields.Field> headers, byte[] body, boolean close) {
    public WireResponse {
        headers = List.copyOf(headers);
    }

    /** A refusal with a fixed text body that says nothing about the app, and a closed connection. */
    public static WireResponse refusal(int status, String text) {
        return new WireResponse(status, List.of(new HeaderFields.Field("Content-Type", "text/plain; charset=utf-8"),
                new HeaderFields.Field("Cache-Control", "no-store")), text.getBytes(StandardCharsets.UTF_8), true);
    }
}
