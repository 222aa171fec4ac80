package io.desktopstarter.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves the CSS, JS and images bundled in the jar; the app never loads anything from the network. */
public final class StaticAssets implements Handler {
    public static final String PREFIX = "/static/";
    private static final String ROOT = "/io/desktopstarter/core/static/";
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    public Response handle(Request request) throws IOException {
        String name = request.pathParams().get("name");
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null || !name.matches("[A-Za-z0-9_-]+\\.[a-z0-9]+")) {
            throw new HttpError(404, "Page not found");
        }
        byte[] body = cache.get(name);
        if (body == null) {
            try (InputStream in = StaticAssets.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw new HttpError(404, "Page not found");
                }
                body = in.readAllBytes();
            }
            cache.put(name, body);
        }
        return new Response(200, type, body, Map.of("Cache-Control", "private, max-age=300"));
    }
}
