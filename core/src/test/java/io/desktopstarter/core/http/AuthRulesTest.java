package io.desktopstarter.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.core.support.TestBackend;
import io.desktopstarter.core.support.TestClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every auth rule of the design, against a real backend over real HTTP. */
class AuthRulesTest {
    @TempDir
    static Path appData;
    static TestBackend backend;
    static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        backend = TestBackend.start(appData);
        client = backend.client();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/", "/items/", "/static/app.css", "/tasks/status/", "/about/", "/no-such-page/"})
    void everyPathNeedsTheToken(String path) throws Exception {
        HttpResponse<String> response = client.withoutToken().get(path);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/", "/items/", "/static/app.css"})
    void wrongTokenIsForbidden(String path) throws Exception {
        assertThat(client.withToken(TestBackend.newToken()).get(path).statusCode()).isEqualTo(403);
        assertThat(client.withToken(TestBackend.newToken()).viaCookie().get(path).statusCode()).isEqualTo(403);
    }

    @Test
    void tokenWorksAsHeaderOrCookie() throws Exception {
        assertThat(client.get("/health/").statusCode()).isEqualTo(200);
        assertThat(client.viaCookie().get("/health/").statusCode()).isEqualTo(200);
        assertThat(client.get("/static/app.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void tokenThatIsAPrefixOrLongerDoesNotMatch() throws Exception {
        String token = backend.settings().token();
        assertThat(client.withToken(token.substring(0, 63)).get("/health/").statusCode()).isEqualTo(403);
        assertThat(client.withToken(token + "0").get("/health/").statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:%d", "127.0.0.1", "127.0.0.1:1", "localhost", "attacker.localhost:%d",
            "127.0.0.1.nip.io:%d", "[::1]:%d"})
    void foreignHostHeaderIsForbiddenEvenWithToken(String hostPattern) throws Exception {
        String host = hostPattern.formatted(backend.port());

        HttpResponse<String> response = client.withHost(host).get("/health/");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Forbidden");
    }

    @Test
    void localhostAndLoopbackHostsAreAccepted() throws Exception {
        assertThat(client.withHost("localhost:" + backend.port()).get("/health/").statusCode()).isEqualTo(200);
        assertThat(client.withHost("LOCALHOST:" + backend.port()).get("/health/").statusCode()).isEqualTo(200);
    }

    @Test
    void bootstrapSetsAStrictHttpOnlyCookieAndRedirectsToNext() throws Exception {
        HttpResponse<String> response = client.withoutToken()
                .get("/desktop-auth/bootstrap/?token=" + backend.settings().token() + "&next=/tasks/");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/tasks/");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("desktop_auth_token=" + backend.settings().token() + ";")
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    }

    @Test
    void bootstrapWithWrongOrMissingTokenIsForbidden() throws Exception {
        assertThat(client.withoutToken().get("/desktop-auth/bootstrap/?token=" + TestBackend.newToken()).statusCode())
                .isEqualTo(403);
        assertThat(client.withoutToken().get("/desktop-auth/bootstrap/?next=/items/").statusCode()).isEqualTo(403);
        assertThat(client.withoutToken().get("/desktop-auth/bootstrap/").headers().firstValue("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example",
            "/%2F%2Fevil.example", "%2F%2Fevil.example", "/%5Cevil.example", "/%252F%252Fevil.example",
            "javascript:alert(1)", "http:/evil.example", "/%09/evil.example", "/\t/evil.example", "items/"})
    void bootstrapNeverRedirectsOffSite(String next) throws Exception {
        String query = "?token=" + backend.settings().token() + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);

        HttpResponse<String> response = client.withoutToken().get("/desktop-auth/bootstrap/" + query);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void statefulRequestWithoutCsrfTokenIsForbiddenAndChangesNothing() throws Exception {
        int before = client.get("/tasks/status/").body().split("\"id\"").length;

        HttpResponse<String> missing = client.post("/tasks/", Map.of());
        HttpResponse<String> wrong = client.post("/tasks/", Map.of("csrf_token", "0".repeat(64)));
        HttpResponse<String> authToken = client.post("/tasks/", Map.of("csrf_token", backend.settings().token()));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(authToken.statusCode()).isEqualTo(403);
        assertThat(client.get("/tasks/status/").body().split("\"id\"").length).isEqualTo(before);
    }

    @Test
    void csrfTokenAcceptedFromFormFieldOrHeader() throws Exception {
        String csrf = client.csrfToken();

        assertThat(client.post("/tasks/", Map.of("csrf_token", csrf)).statusCode()).isEqualTo(303);
        assertThat(client.withHeader("X-CSRF-Token", csrf).withHeader("Accept", "application/json")
                .post("/tasks/", Map.of()).statusCode()).isEqualTo(201);
    }

    @Test
    void crossOriginPostIsForbiddenEvenWithCsrfToken() throws Exception {
        String csrf = client.csrfToken();

        HttpResponse<String> response = client.viaCookie().withHeader("Origin", "https://evil.example")
                .post("/tasks/", Map.of("csrf_token", csrf));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void shutdownNeedsTheTokenHeaderNotJustTheCookie() throws Exception {
        assertThat(client.viaCookie().post("/desktop/shutdown", Map.of()).statusCode()).isEqualTo(403);
        assertThat(client.withoutToken().post("/desktop/shutdown", Map.of()).statusCode()).isEqualTo(403);
        assertThat(client.get("/health/").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/items/", "/no-such-page/", "/static/app.css"})
    void securityHeadersOnEveryResponse(String path) throws Exception {
        for (TestClient c : new TestClient[] {client, client.withoutToken()}) {
            HttpResponse<String> response = c.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'self'").contains("frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }
    }
}
