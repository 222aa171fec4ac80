package io.desktopstarter.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.desktopstarter.core.http.wire.WireLimits;
import io.desktopstarter.core.http.wire.WireServer;
import io.desktopstarter.core.support.RawHttp;
import io.desktopstarter.core.support.TestBackend;
import io.desktopstarter.core.support.TestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The attacks of the outside review (issue 16), as bytes on a socket against the real server:
 * nothing is parsed or rendered before the token and Host checks, every malformed request gets a
 * status, the security headers, a log line and a closed connection, slow clients are cut off, and
 * none of it holds up the graceful stop.
 */
class HostileRequestsTest {
    static final WireLimits SHORT = WireLimits.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(2));

    @TempDir
    Path appData;
    TestBackend backend;
    TestClient client;
    int port;
    ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        backend = TestBackend.start(appData, SHORT);
        client = backend.client();
        port = backend.port();
        log.start();
        logger().addAppender(log);
    }

    @AfterEach
    void stop() {
        logger().detachAppender(log);
        backend.close();
    }

    static Logger logger() {
        return (Logger) LoggerFactory.getLogger("io.desktopstarter.core.http");
    }

    static Stream<Arguments> parseErrorsBeforeAuth() {
        return Stream.of(
                Arguments.of("malformed form encoding", "application/x-www-form-urlencoded", "a=%zz".getBytes(StandardCharsets.US_ASCII), ""),
                Arguments.of("300 query parameters", "application/x-www-form-urlencoded", new byte[0], "?" + "p=1&".repeat(300)),
                Arguments.of("non-UTF-8 form", "application/x-www-form-urlencoded", new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe}, ""),
                Arguments.of("body over 64 KiB", "application/x-www-form-urlencoded", new byte[70 * 1024], ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseErrorsBeforeAuth")
    void aRequestWithoutTokenAndWithAForeignHostIsRefusedBeforeAnythingIsParsed(String what, String type, byte[] body,
            String query) throws Exception {
        client.submit("/items/new/", Map.of("name", "Pending Flash", "status", "GRAZING"));

        RawHttp.Reply reply;
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /x" + query + " HTTP/1.1\r\nHost: attacker.example:" + port + "\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").send(body);
            reply = raw.reply();
        }

        assertRefusal(reply, 403);
        assertThat(reply.body()).isEqualTo("Forbidden");
        assertThat(client.get("/items/").body()).as("the user's pending flash message is still there")
                .contains("Added Pending Flash.");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("chunked body with a bad chunk size", "POST /x HTTP/1.1\r\nHost: H\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 501),
                Arguments.of("Content-Length and Transfer-Encoding", "POST /x HTTP/1.1\r\nHost: H\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 501),
                Arguments.of("two Content-Length", "POST /x HTTP/1.1\r\nHost: H\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", 400),
                Arguments.of("a Content-Length list", "POST /x HTTP/1.1\r\nHost: H\r\nContent-Length: 5, 5\r\n\r\nhello", 400),
                Arguments.of("negative Content-Length", "POST /x HTTP/1.1\r\nHost: H\r\nContent-Length: -1\r\n\r\n", 400),
                Arguments.of("two Host headers", "GET / HTTP/1.1\r\nHost: H\r\nHost: evil.example\r\n\r\n", 400),
                Arguments.of("no Host header", "GET / HTTP/1.1\r\n\r\n", 400),
                Arguments.of("asterisk target", "OPTIONS * HTTP/1.1\r\nHost: H\r\n\r\n", 400),
                Arguments.of("absolute target", "GET http://evil.example/ HTTP/1.1\r\nHost: H\r\n\r\n", 400),
                Arguments.of("opaque target", "GET a:b HTTP/1.1\r\nHost: H\r\n\r\n", 400),
                Arguments.of("garbage request line", "HELLO\r\n\r\n", 400),
                Arguments.of("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505),
                Arguments.of("unsupported version", "GET / HTTP/3.0\r\nHost: H\r\n\r\n", 505),
                Arguments.of("space in the target", "GET /a b HTTP/1.1\r\nHost: H\r\n\r\n", 400),
                Arguments.of("non-ASCII target", "GET /\u00e9 HTTP/1.1\r\nHost: H\r\n\r\n", 400),
                Arguments.of("NUL in a header", "GET / HTTP/1.1\r\nHost: H\r\nX-A: a\u0000b\r\n\r\n", 400),
                Arguments.of("ESC in a header", "GET / HTTP/1.1\r\nHost: H\r\nX-A: a\u001bb\r\n\r\n", 400),
                Arguments.of("folded header", "GET / HTTP/1.1\r\nHost: H\r\nX-A: a\r\n b\r\n\r\n", 400),
                Arguments.of("space before the colon", "GET / HTTP/1.1\r\nHost : H\r\n\r\n", 400),
                Arguments.of("bare LF", "GET / HTTP/1.1\nHost: H\n\n", 400),
                Arguments.of("request line too long", "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: H\r\n\r\n", 414),
                Arguments.of("headers too large", "GET / HTTP/1.1\r\nHost: H\r\nX-A: " + "a".repeat(17_000) + "\r\n\r\n", 431),
                Arguments.of("too many headers", "GET / HTTP/1.1\r\nHost: H\r\n" + "X-A: a\r\n".repeat(70) + "\r\n", 431));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedRequestGetsAStatusTheHeadersALogLineAndAClosedConnection(String what, String request, int status)
            throws Exception {
        try (RawHttp raw = new RawHttp(port)) {
            assertRefusal(raw.send(request.replace("Host: H", "Host: 127.0.0.1:" + port)).reply(), status);
        }
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("Refused a request on connection")
                .contains(String.valueOf(status)));
        assertThat(backend.stop(Duration.ofSeconds(5)).drained()).as("nothing left hanging for the graceful stop").isTrue();
    }

    @Test
    void aBootstrapNextBeyondAsciiRedirectsHomeInsteadOfDroppingTheReply() throws Exception {
        try (RawHttp raw = new RawHttp(port)) {
            RawHttp.Reply reply = raw.send("GET /desktop-auth/bootstrap/?token=" + backend.settings().token()
                    + "&next=/%EF%BC%8F%EF%BC%8Fevil.com HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n").reply();
            assertThat(reply.status()).isEqualTo(303);
            assertThat(reply.header("Location")).isEqualTo("/");
        }
        try (RawHttp raw = new RawHttp(port)) {
            assertRefusal(raw.send("GET /desktop-auth/bootstrap/?next=/%EF%BC%8F%EF%BC%8Fevil.com HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port + "\r\n\r\n").reply(), 403);
        }
        assertThat(backend.stop(Duration.ofSeconds(5)).drained()).isTrue();
    }

    @Test
    void aBootstrapWithTwoTokensIsRefused() throws Exception {
        String token = backend.settings().token();
        assertThat(client.withoutToken().get("/desktop-auth/bootstrap/?token=" + token + "&token=" + token).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTricklingHeadIsCutOffWithA408() throws Exception {
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("GET /health/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            RawHttp.Reply reply = null;
            for (int i = 0; i < 50 && reply == null; i++) {
                try {
                    raw.send("X-Slow-" + i + ": a\r\n");
                } catch (java.io.IOException closedByServer) {
                    reply = raw.reply();
                }
                Thread.sleep(100);
                if (i == 49) {
                    reply = raw.reply();
                }
            }
            assertRefusal(reply, 408);
        }
    }

    @Test
    void aTricklingBodyIsCutOffWithA408() throws Exception {
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /items/new/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Desktop-Token: " + backend.settings().token()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nname=slow");
            assertRefusal(raw.reply(), 408);
        }
    }

    @Test
    void anIdleConnectionIsClosedAndNeverHoldsUpTheStop() throws Exception {
        try (RawHttp idle = new RawHttp(port); RawHttp halfHead = new RawHttp(port)) {
            halfHead.send("GET /health/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            assertThat(client.get("/health/").statusCode()).isEqualTo(200);

            WireServer.StopResult result = backend.stop(Duration.ofSeconds(5));

            assertThat(result.drained()).isTrue();
            assertThat(idle.atEndOfStream()).isTrue();
            assertThat(halfHead.atEndOfStream()).isTrue();
        }
    }

    @Test
    void aRequestStillBeingHandledIsWaitedForAndCutOffOnlyAfterTheDrain() throws Exception {
        try (RawHttp uploading = new RawHttp(port)) {
            uploading.send("POST /items/new/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Desktop-Token: "
                    + backend.settings().token() + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nna");
            assertThat(client.get("/health/").statusCode()).as("the server answers others meanwhile").isEqualTo(200);

            assertThat(backend.stop(Duration.ofMillis(300)).cutOff()).as("positive control: in flight, so cut off").isEqualTo(1);
        }
    }

    @Test
    void expectContinueIsAnsweredOnlyAfterTheAuthCheck() throws Exception {
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /items/new/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");
            assertRefusal(raw.reply(), 403);
        }
        String csrf = client.csrfToken();
        String form = "csrf_token=" + csrf + "&name=Patient+Pony&status=GRAZING";
        try (RawHttp raw = new RawHttp(port)) {
            raw.send("POST /items/new/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Desktop-Token: " + backend.settings().token()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
            assertThat(raw.reply(false).status()).isEqualTo(100);
            assertThat(raw.send(form).reply().status()).isEqualTo(303);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        String token = backend.settings().token();
        String get = "GET %s HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Desktop-Token: " + token + "\r\n\r\n";
        try (RawHttp raw = new RawHttp(port)) {
            raw.send(get.formatted("/health/") + get.formatted("/no-such-page/") + get.formatted("/health/"));
            assertThat(raw.reply(false).status()).isEqualTo(200);
            assertThat(raw.reply(false).status()).isEqualTo(404);
            assertThat(raw.reply(false).status()).isEqualTo(200);
        }
    }

    @Test
    void invalidPercentEncodedUtf8IsA400NotAReplacementCharacter() throws Exception {
        assertThat(client.get("/items/?q=%C3%28").statusCode()).isEqualTo(400);
        try (RawHttp raw = new RawHttp(port)) {
            assertThat(raw.send("GET /items/?q=%zz HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Desktop-Token: "
                    + backend.settings().token() + "\r\nConnection: close\r\n\r\n").reply().status()).isEqualTo(400);
        }
        assertThat(client.postRaw("/items/new/", "application/x-www-form-urlencoded",
                ("csrf_token=" + client.csrfToken() + "&name=%FF%FE&status=GRAZING").getBytes(StandardCharsets.US_ASCII)).statusCode())
                .isEqualTo(400);
        assertThat(client.get("/items/").body()).doesNotContain("\ufffd");
    }

    /** A refusal: the status, every security header, a fixed body, and the connection closed. */
    static void assertRefusal(RawHttp.Reply reply, int status) {
        assertThat(reply).isNotNull();
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(reply.header("Connection")).isEqualTo("close");
        assertThat(reply.body()).doesNotContain("csrf").doesNotContain("<html").hasSizeLessThan(64);
        assertThat(reply.closedAfter()).as("connection closed").isTrue();
    }
}
