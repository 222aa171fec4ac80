package io.desktopstarter.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.core.support.BackendProcess;
import io.desktopstarter.core.support.RawHttp;
import io.desktopstarter.core.support.TestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend as the launcher sees it: a process with a ready line, exit codes and signals. */
class BackendProcessIT {
    static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path appData;

    @Test
    void printsOneReadyLineAndServesWithTheToken() throws Exception {
        try (BackendProcess backend = BackendProcess.start(appData, Map.of())) {
            BackendProcess.Ready ready = backend.awaitReady(START);

            assertThat(ready.pid()).isEqualTo(backend.process().pid());
            assertThat(ready.version()).isNotBlank();
            TestClient client = backend.client(ready);
            assertThat(client.get("/health/").statusCode()).isEqualTo(200);
            assertThat(client.withoutToken().get("/health/").statusCode()).isEqualTo(403);
            assertThat(backend.stdout().lines().count()).isEqualTo(1);
            assertThat(Files.readString(appData.resolve("logs/backend.log"))).contains("Serving on 127.0.0.1:" + ready.port());
        }
    }

    @Test
    void tokenNeverAppearsInLogs() throws Exception {
        try (BackendProcess backend = BackendProcess.start(appData, Map.of("DESKTOP_STARTER_MODE", "development"))) {
            BackendProcess.Ready ready = backend.awaitReady(START);
            TestClient client = backend.client(ready);
            String token = tokenOf(backend);
            client.withoutToken().get("/desktop-auth/bootstrap/?token=" + token + "&next=/items/");
            client.get("/items/");
            client.post("/desktop/shutdown", Map.of());
            backend.awaitExit(Duration.ofSeconds(15));

            assertThat(backend.stderr()).doesNotContain(token);
            assertThat(Files.readString(appData.resolve("logs/backend.log"))).doesNotContain(token);
            assertThat(Files.readString(appData.resolve("secret.key")).trim()).isNotEmpty();
            assertThat(backend.stderr()).doesNotContain(Files.readString(appData.resolve("secret.key")).trim());
        }
    }

    @Test
    void missingTokenExitsWithCodeTwoAndSaysWhy() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DESKTOP_STARTER_TOKEN", null);
        try (BackendProcess backend = BackendProcess.start(appData, env)) {
            assertThat(backend.awaitExit(START)).isEqualTo(2);
            assertThat(backend.stderr()).contains("DESKTOP_STARTER_TOKEN is not set");
            assertThat(backend.stdout()).isEmpty();
        }
    }

    @Test
    void malformedSettingsExitWithCodeTwo() throws Exception {
        for (Map<String, String> env : new Map[] {
                Map.of("DESKTOP_STARTER_TOKEN", "short"),
                Map.of("DESKTOP_STARTER_MODE", "production"),
                Map.of("DESKTOP_STARTER_PARENT_PID", "-4")}) {
            try (BackendProcess backend = BackendProcess.start(appData, env)) {
                assertThat(backend.awaitExit(START)).as("exit code for %s", env).isEqualTo(2);
                assertThat(backend.stderr()).contains(env.keySet().iterator().next());
            }
        }
    }

    @Test
    void shutdownRequestStopsCleanlyWithExitZero() throws Exception {
        try (BackendProcess backend = BackendProcess.start(appData, Map.of())) {
            BackendProcess.Ready ready = backend.awaitReady(START);

            assertThat(backend.client(ready).post("/desktop/shutdown", Map.of()).statusCode()).isEqualTo(202);

            assertThat(backend.awaitExit(Duration.ofSeconds(15))).isZero();
            assertThat(backend.stderr()).contains("Backend exited cleanly");
            assertThat(portOpen(ready.port())).isFalse();
        }
    }

    @Test
    void sigtermStopsCleanly() throws Exception {
        try (BackendProcess backend = BackendProcess.start(appData, Map.of())) {
            BackendProcess.Ready ready = backend.awaitReady(START);

            // Process.destroy() would also close our ends of the pipes and lose the last log lines.
            backend.process().toHandle().destroy();

            int code = backend.awaitExit(Duration.ofSeconds(15));
            assertThat(code).as("SIGTERM does what the shutdown request does").isZero();
            assertThat(backend.stderr()).contains("Stopped").contains("Backend exited cleanly");
            assertThat(portOpen(ready.port())).isFalse();
        }
    }

    @Test
    void malformedRequestsAreLoggedAndDoNotHoldUpTheStop() throws Exception {
        try (BackendProcess backend = BackendProcess.start(appData, Map.of())) {
            BackendProcess.Ready ready = backend.awaitReady(START);
            for (String attack : new String[] {
                    "POST /x HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                    "GET /desktop-auth/bootstrap/?next=/%%EF%%BC%%8F%%EF%%BC%%8Fevil.com HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n"}) {
                try (RawHttp raw = new RawHttp(ready.port())) {
                    assertThat(raw.send(attack.formatted(ready.port())).reply().status()).isIn(403, 501);
                }
            }
            try (RawHttp idle = new RawHttp(ready.port())) {
                assertThat(backend.client(ready).post("/desktop/shutdown", Map.of()).statusCode()).isEqualTo(202);
                assertThat(backend.awaitExit(Duration.ofSeconds(15))).isZero();
            }
            assertThat(backend.stderr()).contains("Refused a request on connection").contains("501 Transfer-Encoding")
                    .contains("Refused GET /desktop-auth/bootstrap/: bootstrap token")
                    .contains("Stopped").doesNotContain("cut off");
        }
    }

    @Test
    void shutdownDrainsARequestThatIsStillUploading() throws Exception {
        try (BackendProcess backend = BackendProcess.start(appData, Map.of())) {
            BackendProcess.Ready ready = backend.awaitReady(START);
            TestClient client = backend.client(ready);
            String csrf = client.csrfToken();
            String body = TestClient.encode(Map.of("csrf_token", csrf, "name", "Drained Dasher", "status", "GRAZING"));
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);

            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), ready.port())) {
                socket.setSoTimeout(15_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(("POST /items/new/ HTTP/1.1\r\nHost: 127.0.0.1:" + ready.port() + "\r\n"
                        + "X-Desktop-Token: " + tokenOf(backend) + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                        + "Expect: 100-continue\r\n"
                        + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                // The handler asks for the body: the request is in flight.
                assertThat(readHead(in)).isEqualTo("HTTP/1.1 100 Continue");
                out.write(bytes, 0, 10);
                out.flush();

                assertThat(client.post("/desktop/shutdown", Map.of()).statusCode()).isEqualTo(202);
                backend.awaitStderr("Stopping: draining in-flight requests", Duration.ofSeconds(15));
                out.write(bytes, 10, bytes.length - 10);
                out.flush();

                String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(response).startsWith("HTTP/1.1 303");
            }
            assertThat(backend.awaitExit(Duration.ofSeconds(15))).isZero();
        }
        try (BackendProcess again = BackendProcess.start(appData, Map.of())) {
            assertThat(again.client(again.awaitReady(START)).get("/items/").body()).contains("Drained Dasher");
        }
    }

    @Test
    void corruptDatabaseExitsWithCodeFourAndKeepsTheFile() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);
        Files.write(appData.resolve("app.sqlite3"), garbage);

        try (BackendProcess backend = BackendProcess.start(appData, Map.of())) {
            assertThat(backend.awaitExit(START)).isEqualTo(4);
            assertThat(backend.stderr()).contains("is damaged").contains(appData.resolve("app.sqlite3").toString());
        }
        assertThat(Files.readAllBytes(appData.resolve("app.sqlite3"))).isEqualTo(garbage);
    }

    @Test
    void unusableAppDataDirExitsWithCodeThree() throws Exception {
        Path notADirectory = Files.writeString(appData.resolve("occupied"), "a file, not a directory");

        try (BackendProcess backend = BackendProcess.start(notADirectory, Map.of())) {
            assertThat(backend.awaitExit(START)).isEqualTo(3);
            assertThat(backend.stderr()).contains("Cannot use the app-data directory " + notADirectory)
                    .contains("DESKTOP_STARTER_APP_DATA_DIR");
        }
        assertThat(Files.readString(notADirectory)).isEqualTo("a file, not a directory");
    }

    /** The status line of one response head (up to its blank line), read byte by byte so nothing after it is consumed. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed after: " + head);
            }
            head.append((char) b);
        }
        return head.substring(0, head.indexOf("\r\n"));
    }

    private static boolean portOpen(int port) throws IOException {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    private static String tokenOf(BackendProcess backend) {
        return backend.token();
    }
}
