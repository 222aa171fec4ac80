package io.desktopstarter.shell.swing.chromium;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP server that records every request (path and token header) and serves fixed pages. */
final class RecordingServer implements AutoCloseable {
    record Hit(String path, Optional<String> token, Optional<String> cookie) {
    }

    /** A response: status, content type, body, extra headers. */
    record Page(int status, String type, String body, Map<String, String> headers) {
        static Page html(String body) {
            return new Page(200, "text/html; charset=utf-8", body, Map.of());
        }
    }

    interface Route {
        Page answer(HttpExchange exchange);
    }

    private final HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    RecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String origin() {
        return "http://127.0.0.1:" + port();
    }

    RecordingServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    RecordingServer page(String path, String html) {
        return route(path, exchange -> Page.html(html));
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    List<String> paths() {
        return hits.stream().map(Hit::path).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.add(new Hit(path, Optional.ofNullable(exchange.getRequestHeaders().getFirst(BackendRequests.TOKEN_HEADER)),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Cookie"))));
        Page page = routes.getOrDefault(path, e -> new Page(404, "text/plain", "not here", Map.of())).answer(exchange);
        byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", page.type());
        page.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(page.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
