package io.desktopstarter.updater.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.desktopstarter.minisign.MinisignSignature;
import java.util.Locale;

/**
 * {@link FeedParser#parse} on any bytes: a feed, or {@link FeedFormatException} with a message; never
 * another exception. Seeds (run as regression tests by {@code ./mvnw test}) are in
 * {@code src/test/resources/io/desktopstarter/updater/feed/FeedParserFuzzTestInputs/parse/}.
 */
class FeedParserFuzzTest {
    @DictionaryEntries({"\"schema\"", "\"app\"", "\"shell\"", "\"version\"", "\"pub_date\"", "\"expires\"", "\"notes\"",
            "\"min_version\"", "\"platforms\"", "\"linux-x64-tar.gz\"", "\"url\"", "\"sha256\"", "\"size\"", "\"signature\"",
            "\"https://\"", "2026-11-23T00:00:00Z", "-rc.1", "+build"})
    @FuzzTest
    void parse(byte[] input) throws Exception {
        UpdateFeed feed;
        try {
            feed = FeedParser.parse(input);
        } catch (FeedFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        assertThat(feed.schema()).isEqualTo(1);
        assertThat(feed.expires()).isAfter(feed.pubDate());
        assertThat(feed.app()).isNotBlank();
        assertThat(feed.shell()).isNotBlank();
        for (PlatformEntry entry : feed.platforms().values()) {
            assertThat(entry.size()).isPositive();
            assertThat(entry.sha256()).matches("[0-9a-f]{64}");
            assertThat(entry.url().getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
            assertThat(entry.fileName()).isNotBlank();
            assertThat(MinisignSignature.parse(entry.signature())).isNotNull();
        }
    }
}
