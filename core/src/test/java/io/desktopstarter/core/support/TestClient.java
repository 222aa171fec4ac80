package io.desktopstarter.core.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Talks to a backend the way a shell does. Immutable: {@code withoutToken()}, {@code viaCookie()}
 * and friends return a changed copy, so each test states exactly which credentials it sends.
 */
public final class TestClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([0-9a-f]+)\"");

    private final int port;
    private final String token;
    private final Auth auth;
    private final String host;
    private final Map<String, String> extraHeaders;

    /** How the session token travels. */
    public enum Auth { HEADER, COOKIE, NONE }

    public TestClient(int port, String token) {
        this(port, token, Auth.HEADER, "127.0.0.1:" + port, Map.of());
    }

    private TestClient(int port, String token, Auth auth, String host, Map<String, String> extraHeaders) {
        this.port = port;
        this.token = token;
        this.auth = auth;
        this.host = host;
        this.extraHeaders = Map.copyOf(extraHeaders);
    }

    public TestClient withoutToken() {
        return new TestClient(port, token, Auth.NONE, host, extraHeaders);
    }

    public TestClient viaCookie() {
        return new TestClient(port, token, Auth.COOKIE, host, extraHeaders);
    }

    public TestClient withToken(String other) {
        return new TestClient(port, other, auth, host, extraHeaders);
    }

    public TestClient withHost(String otherHost) {
        return new TestClient(port, token, auth, otherHost, extraHeaders);
    }

    public TestClient withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(extraHeaders);
        copy.put(name, value);
        return new TestClient(port, token, auth, host, copy);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(builder(path).GET());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return send(builder(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    public HttpResponse<String> postRaw(String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> method(String method, String path) throws IOException, InterruptedException {
        return send(builder(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Reads the CSRF token the way app.js does, from the page's meta tag. */
    public String csrfToken() throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get("/items/").body());
        if (!m.find()) {
            throw new AssertionError("no csrf-token meta tag on /items/");
        }
        return m.group(1);
    }

    /** A form post carrying a valid CSRF token, as the app's own forms do. */
    public HttpResponse<String> submit(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> withCsrf = new LinkedHashMap<>(fields);
        withCsrf.put("csrf_token", csrfToken());
        return post(path, withCsrf);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Host", host);
        switch (auth) {
            case HEADER -> b.header("X-Desktop-Token", token);
            case COOKIE -> b.header("Cookie", "desktop_auth_token=" + token);
            case NONE -> { }
        }
        extraHeaders.forEach(b::header);
        return b;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
