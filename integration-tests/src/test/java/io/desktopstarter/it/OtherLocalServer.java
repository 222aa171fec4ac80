package io.desktopstarter.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Another local web server on a loopback port of its own, as another program on the user's machine: it records every request. */
final class OtherLocalServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private OtherLocalServer(HttpServer server) {
        this.server = server;
    }

    static OtherLocalServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        OtherLocalServer other = new OtherLocalServer(http);
        http.createContext("/", exchange -> {
            other.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "<title>other</title>other server".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        return other;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
