package io.desktopstarter.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectTest {
    @ParameterizedTest
    @ValueSource(strings = {"/", "/items/", "/items/3/edit/", "/tasks/?page=2", "/items/#top", "/a+b", "/caf%C3%A9/"})
    void localPathsAreKept(String next) {
        assertThat(SafeRedirect.check(next)).hasValue(next);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"https://evil.example", "HTTP://evil.example", "//evil.example", "///evil.example",
            "/\\evil.example", "\\/evil.example", "/%2F/evil.example", "/%2f%2fevil.example", "/%5Cevil.example",
            "/%255Cevil.example", "/%25252F%25252Fevil", "/\r\nSet-Cookie:x=1", "/%0d%0aLocation:x", "/\u0000",
            "javascript:alert(1)", "data:text/html,x", "items", "%2F%2Fevil.example", "/%zz", "/ /x%"})
    void everythingElseIsRefused(String next) {
        assertThat(SafeRedirect.check(next)).isEmpty();
    }
}
