package io.desktopstarter.minisign;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * {@link MinisignPublicKey#parse} on any text: a valid Ed25519 key that round-trips through its
 * {@code .pub} form, or {@link MinisignFormatException}; nothing else.
 */
class MinisignPublicKeyFuzzTest {
    @FuzzTest
    void parse(byte[] input) throws Exception {
        MinisignPublicKey key;
        try {
            key = MinisignPublicKey.parse(new String(input, StandardCharsets.UTF_8));
        } catch (MinisignFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        assertThat(MinisignPublicKey.parse(key.toFileContent())).isEqualTo(key);
        assertThat(MinisignVerifier.validPoint(key.key())).isTrue();
        assertThat(key.keyIdHex()).matches("[0-9A-F]{16}");
    }
}
