package io.desktopstarter.core.http.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link HeadParser} on any bytes a client could send: a head that keeps every promise the auth
 * rules and the dispatcher rely on, or a {@link WireException} with a status the server can send.
 * Never another exception, and never a head that a second, laxer parser would read differently.
 */
class HeadParserFuzzTest {
    // libFuzzer dictionary syntax: bytes outside printable ASCII as \xNN.
    @DictionaryEntries({"GET ", "POST ", " HTTP/1.1\\x0D\\x0A", " HTTP/1.0\\x0D\\x0A", "\\x0D\\x0A", "\\x0A",
            "Host: 127.0.0.1:8080\\x0D\\x0A", "Content-Length: ", "Transfer-Encoding: chunked\\x0D\\x0A",
            "Connection: close\\x0D\\x0A", "Expect: 100-continue\\x0D\\x0A", "X-Desktop-Token: ",
            "Cookie: desktop_auth_token=", "/desktop-auth/bootstrap/?token=", "%", " ", "\\x09", "\\x00"})
    @FuzzTest
    void read(byte[] input) throws IOException {
        WireInput in = new WireInput(new ByteArrayInputStream(input), millis -> { });
        in.deadline(Duration.ofMinutes(1));
        Optional<RequestHead> parsed;
        try {
            parsed = new HeadParser(WireLimits.DEFAULT).read(in, Duration.ofMinutes(1));
        } catch (WireException refused) {
            assertThat(refused.status()).isIn(400, 408, 414, 431, 501, 505);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        if (parsed.isEmpty()) {
            assertThat(input).as("empty only when nothing was sent").isEmpty();
            return;
        }
        RequestHead head = parsed.get();
        assertThat(HeadParser.isToken(head.method())).isTrue();
        assertThat(head.rawPath()).startsWith("/").doesNotContain("?").doesNotContain("#");
        assertThat(head.rawPath().chars().allMatch(c -> c > 0x20 && c < 0x7f)).isTrue();
        assertThat(head.rawQuery().orElse("").chars().allMatch(c -> c > 0x20 && c < 0x7f)).isTrue();
        assertThat(head.version()).isIn("HTTP/1.1", "HTTP/1.0");
        assertThat(head.contentLength()).isNotNegative();
        assertThat(head.headers().all("Transfer-Encoding")).isEmpty();
        assertThat(head.headers().all("Content-Length")).hasSizeLessThanOrEqualTo(1);
        assertThat(head.headers().all("Host")).hasSizeLessThanOrEqualTo(1);
        if (head.version().equals("HTTP/1.1")) {
            assertThat(head.headers().all("Host")).hasSize(1);
        }
        assertThat(head.headers().fields()).hasSizeLessThanOrEqualTo(WireLimits.DEFAULT.maxHeaders())
                .allSatisfy(field -> {
                    assertThat(HeadParser.isToken(field.name())).isTrue();
                    assertThat(field.value().chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f))).isTrue();
                });
    }
}
