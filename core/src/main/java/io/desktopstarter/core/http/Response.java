package io.desktopstarter.core.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response ready to be written; immutable, built by the static factories. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String HTML = "text/html; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response html(int status, byte[] body) {
        return new Response(status, HTML, body, Map.of());
    }

    public static Response json(int status, String body) {
        return new Response(status, JSON, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response text(int status, String body) {
        return new Response(status, TEXT, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** 303 so that a POST is followed by a GET (post/redirect/get). */
    public static Response redirect(String location) {
        return new Response(303, TEXT, new byte[0], Map.of("Location", location));
    }

    public static Response forbidden() {
        return text(403, "Forbidden");
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, contentType, body, copy);
    }
}
