package io.desktopstarter.minisign;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * {@link MinisignSignature#parse} on any text (a {@code .minisig} file is read as UTF-8): a signature that
 * writes back to a file parsing to the same signature, or {@link MinisignFormatException}; nothing else.
 */
class MinisignSignatureFuzzTest {
    @FuzzTest
    void parse(byte[] input) throws Exception {
        MinisignSignature signature;
        try {
            signature = MinisignSignature.parse(new String(input, StandardCharsets.UTF_8));
        } catch (MinisignFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        assertThat(MinisignSignature.parse(signature.toFileContent())).isEqualTo(signature);
        assertThat(signature.globalSignedBytes()).hasSizeGreaterThanOrEqualTo(64);
    }
}
