package io.desktopstarter.distribution.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.distribution.tools.BuildException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The feed URL an installed app will fetch for years: https only; loopback http only when a test asks. */
class FeedLocationTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/o/r/releases/latest/download/latest-javafx.json",
            "https://mirror.example.com:8443/desktop/latest-swing.json", " https://example.com/latest.json "})
    void httpsFeedsAreBuiltIn(String url) throws BuildException {
        assertThat(FeedLocation.check(url, false).toString()).isEqualTo(url.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://example.com/latest.json|not https",
            "ftp://example.com/latest.json|not https",
            "file:///srv/latest.json|absolute URL",
            "http://127.0.0.1:8080/latest.json|-Drelease.allowLoopbackFeed=true",
            "https://example.com/releases/|.json feed",
            "https://example.com/latest.json?x=1|without user info, query or fragment",
            "https://user:pw@example.com/latest.json|without user info",
            "https://exa mple.com/latest.json|is not a URL",
            "latest.json|absolute URL"})
    void anythingElseIsRefusedWithTheReason(String url, String reason) {
        assertThatThrownBy(() -> FeedLocation.check(url, false)).isInstanceOf(BuildException.class).hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/latest.json", "http://localhost/feed/latest-javafx.json", "http://[::1]:9/latest.json"})
    void loopbackHttpOnlyWhenATestAllowsIt(String url) throws BuildException {
        assertThat(FeedLocation.check(url, true).toString()).isEqualTo(url);
        assertThatThrownBy(() -> FeedLocation.check("http://10.0.0.1/latest.json", true)).hasMessageContaining("not https");
    }
}
