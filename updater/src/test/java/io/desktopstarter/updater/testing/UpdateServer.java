package io.desktopstarter.updater.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A real HTTPS (or, for redirect targets, plain HTTP) server on 127.0.0.1 serving files from memory,
 * with {@code Range} support and switchable misbehaviour per path.
 */
public final class UpdateServer implements AutoCloseable {
    /** How a path misbehaves. */
    public enum Mode { NORMAL, TRUNCATE_ONCE, EXTRA_BYTES, SLOW, NO_RANGE }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final String scheme;

    private UpdateServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static UpdateServer https(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new UpdateServer(server, "https");
    }

    public static UpdateServer http() throws IOException {
        return new UpdateServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
    }

    public URI url(String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public UpdateServer put(String path, byte[] content) {
        files.put(path, content.clone());
        return this;
    }

    public UpdateServer remove(String path) {
        files.remove(path);
        return this;
    }

    public UpdateServer mode(String path, Mode mode) {
        modes.put(path, mode);
        return this;
    }

    public UpdateServer redirect(String path, String location) {
        redirects.put(path, location);
        return this;
    }

    /** "GET /path range" lines, for assertions on resume. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(exchange.getRequestMethod() + " " + path + (range == null ? "" : " " + range));
        try (exchange) {
            if (redirects.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", redirects.get(path));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] body = files.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Mode mode = modes.getOrDefault(path, Mode.NORMAL);
            int start = 0;
            Matcher m = range == null || mode == Mode.NO_RANGE ? null : RANGE.matcher(range);
            if (m != null && m.matches()) {
                start = Integer.parseInt(m.group(1));
                exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
            }
            int length = body.length - start;
            switch (mode) {
                case TRUNCATE_ONCE -> {
                    modes.put(path, Mode.NORMAL);
                    // Announce the whole length, send half, then close: the client sees a dropped connection.
                    exchange.sendResponseHeaders(start > 0 ? 206 : 200, length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(body, start, length / 2);
                    out.flush();
                }
                case EXTRA_BYTES -> {
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write(body);
                    exchange.getResponseBody().write(new byte[4096]);
                }
                case SLOW -> {
                    exchange.sendResponseHeaders(200, length);
                    exchange.getResponseBody().write(body, 0, Math.min(10, length));
                    exchange.getResponseBody().flush();
                    sleep(5_000);
                    exchange.getResponseBody().write(body, Math.min(10, length), Math.max(0, length - 10));
                }
                default -> {
                    exchange.sendResponseHeaders(start > 0 ? 206 : 200, length);
                    exchange.getResponseBody().write(body, start, length);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
