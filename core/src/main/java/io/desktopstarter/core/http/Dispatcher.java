package io.desktopstarter.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses, authorizes, routes and writes every exchange; the one HttpHandler of the server. */
public final class Dispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final SecurityGate gate;
    private final Router router;
    private final ErrorRenderer errors;

    public Dispatcher(SecurityGate gate, Router router, ErrorRenderer errors) {
        this.gate = gate;
        this.router = router;
        this.errors = errors;
    }

    /** Renders error pages (404, 405, 400, 413, 500) for authenticated users. */
    @FunctionalInterface
    public interface ErrorRenderer {
        Response render(int status, String message);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        // Log the path only: the bootstrap query carries the session token.
        String path = exchange.getRequestURI().getRawPath();
        Response response;
        try {
            response = respond(exchange, method);
        } catch (HttpError e) {
            response = errors.render(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unhandled error for {} {}", method, path, e);
            response = errors.render(500, "Something went wrong. The details are in the log file.");
        }
        write(exchange, method, response);
        LOG.debug("{} {} -> {} in {} ms", method, path, response.status(), (System.nanoTime() - started) / 1_000_000);
    }

    private Response respond(HttpExchange exchange, String method) throws IOException {
        Request request = parse(exchange, method);
        if (gate.check(request) instanceof SecurityGate.Decision.Denied denied) {
            LOG.debug("Denied {} {}: {}", method, request.path(), denied.reason());
            return Response.forbidden();
        }
        return switch (router.match(method, request.path())) {
            case Router.Match.Found found -> invoke(found.handler(), request.withPathParams(found.params()));
            case Router.Match.MethodNotAllowed m ->
                    errors.render(405, "Method not allowed").withHeader("Allow", String.join(", ", m.allowed()));
            case Router.Match.NotFound ignored -> errors.render(404, "Page not found");
        };
    }

    private static Response invoke(Handler handler, Request request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Request parse(HttpExchange exchange, String method) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        if (rawPath == null || rawPath.isEmpty() || !rawPath.startsWith("/")) {
            throw new HttpError(400, "Bad request path");
        }
        Map<String, List<String>> form = Map.of();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            long declared = parseLength(exchange.getRequestHeaders().getFirst("Content-Length"));
            byte[] body = FormParser.readCapped(exchange.getRequestBody(), declared);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                form = FormParser.parse(body);
            }
        }
        return new Request(
                method,
                rawPath,
                FormParser.parse(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders(),
                Cookies.parse(exchange.getRequestHeaders().get("Cookie")),
                form,
                Map.of());
    }

    private static long parseLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new HttpError(400, "Bad Content-Length");
        }
    }

    private static void write(HttpExchange exchange, String method, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        SecurityHeaders.apply(headers);
        headers.set("Content-Type", response.contentType());
        if (!response.headers().containsKey("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
        response.headers().forEach(headers::set);
        boolean noBody = "HEAD".equals(method) || response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }
}
