package io.desktopstarter.shell.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.NavigationPolicy.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NavigationPolicyTest {
    final NavigationPolicy policy = new NavigationPolicy("http://127.0.0.1:51234");

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:51234/items/,                  STAY",
        "http://127.0.0.1:51234/desktop-auth/bootstrap/?token=x&next=/items/, STAY",
        "HTTP://127.0.0.1:51234/tasks/#top,              STAY",
        "about:blank,                                     STAY",
        "https://github.com/desktop-java-starter,         OPEN_EXTERNALLY",
        "http://example.com/page,                         OPEN_EXTERNALLY",
        "mailto:team@example.com,                         OPEN_EXTERNALLY",
        "http://127.0.0.1:51235/,                         BLOCK",
        "http://localhost:51234/items/,                   BLOCK",
        "https://127.0.0.1:51234/,                        BLOCK",
        "http://user:pw@127.0.0.1:51234/,                 BLOCK",
        "http://user@evil.example/,                       BLOCK",
        "file:///etc/passwd,                              BLOCK",
        "javascript:alert(1),                             BLOCK",
        "'data:text/html;base64,PGgxPmhpPC9oMT4=',        BLOCK",
        "ftp://example.com/file,                          BLOCK",
        "vscode://open?x=1,                               BLOCK",
        "http:///no-host,                                 BLOCK",
        "'',                                              BLOCK",
        "'http://exa mple.com',                           BLOCK",
    })
    void decides(String url, Decision expected) {
        assertThat(policy.decide(url)).isEqualTo(expected);
    }
}
