package io.desktopstarter.updater.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.desktopstarter.minisign.MinisignFormatException;

/**
 * {@link KeyList#parse} ({@code keys.json}) on any bytes: a non-empty list of valid keys, or
 * {@link MinisignFormatException} with a message; never another exception.
 */
class KeyListFuzzTest {
    @DictionaryEntries({"\"schema\"", "\"app\"", "\"pub_date\"", "\"keys\"", "\"public_key\"", "\"expires\"", "\"revoked\"",
            "true", "false", "2026-11-23T00:00:00Z", "untrusted comment: ", "RWQ"})
    @FuzzTest
    void parse(byte[] input) {
        KeyList list;
        try {
            list = KeyList.parse(input);
        } catch (MinisignFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        assertThat(list.app()).isNotNull();
        assertThat(list.pubDate()).isNotNull();
        assertThat(list.keys()).isNotEmpty().allSatisfy(listed -> {
            assertThat(listed.key().keyId()).hasSize(8);
            assertThat(listed.key().key()).hasSize(32);
        });
    }
}
