package io.desktopstarter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionTokenTest {
    @Test
    void tokensAre64LowerCaseHexAndDiffer() {
        String first = SessionToken.generate();

        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(SessionToken.isWellFormed(first)).isTrue();
        assertThat(SessionToken.generate()).isNotEqualTo(first);
    }

    @Test
    void anythingElseIsNotWellFormed() {
        assertThat(SessionToken.isWellFormed(null)).isFalse();
        assertThat(SessionToken.isWellFormed("short")).isFalse();
        assertThat(SessionToken.isWellFormed("A".repeat(64))).isFalse();
        assertThat(SessionToken.isWellFormed("a".repeat(65))).isFalse();
        assertThat(SessionToken.isWellFormed("a".repeat(64) + "\n")).isFalse();
    }
}
