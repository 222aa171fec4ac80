package io.desktopstarter.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dispatcher parses from a request once the auth rules passed, and what they read
 * before: query and form decoding (strict: a 400, never U+FFFD or another exception), cookies, the
 * bootstrap token and the {@code next} redirect (only same-site paths of printable ASCII).
 */
class RequestPartsFuzzTest {
    @DictionaryEntries({"%", "%2F", "%5C", "%C3%A9", "%EF%BC%8F", "+", "&", "=", ";", "\"", "//", "/\\", "token=",
            "next=", "desktop_auth_token=", "http:", "javascript:"})
    @FuzzTest
    void parse(FuzzedDataProvider data) {
        String text = data.consumeString(4096);
        byte[] body = data.consumeRemainingAsBytes();

        form(() -> FormParser.parse(text));
        form(() -> FormParser.parse(body));

        Map<String, String> cookies = Cookies.parse(List.of(text));
        assertThat(cookies.keySet()).allSatisfy(name -> assertThat(name).doesNotContain(";"));

        Optional<String> token = SecurityGate.bootstrapToken(Optional.of(text));
        token.ifPresent(value -> assertThat(value).doesNotContain("&"));

        Optional<String> next = SafeRedirect.check(text);
        next.ifPresent(path -> {
            assertThat(path).isEqualTo(text).startsWith("/").doesNotStartWith("//").doesNotContain("\\");
            assertThat(path.chars().allMatch(c -> c > 0x20 && c < 0x7f)).isTrue();
        });

        if (!text.contains("\ufffd")) {
            PercentDecoder.decode(text).ifPresent(decoded -> assertThat(decoded).as("no replacement character made up")
                    .doesNotContain("\ufffd"));
        }
    }

    private static void form(Runnable parse) {
        try {
            parse.run();
        } catch (HttpError e) {
            assertThat(e.status()).isEqualTo(400);
        }
    }
}
