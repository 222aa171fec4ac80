package io.desktopstarter.updater.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.desktopstarter.updater.testing.Release;
import io.desktopstarter.updater.testing.TestSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedParserTest {
    TestSigner signer = new TestSigner();

    byte[] feed(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode feed = Release.feed("1.1.0", "https://u.example/app-1.1.0.tar.gz", new byte[] {1}, signer.sign(new byte[] {1}));
        edit.accept(feed);
        return Release.JSON.writeValueAsBytes(feed);
    }

    @Test
    void readsEveryField() throws Exception {
        UpdateFeed feed = FeedParser.parse(feed(f -> { }));

        assertThat(feed.version()).isEqualTo(SemanticVersion.parse("1.1.0"));
        assertThat(feed.pubDate()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(feed.minVersion()).contains(SemanticVersion.parse("0.1.0"));
        PlatformEntry entry = feed.platform(PlatformKey.parse("linux-x64-tar.gz")).orElseThrow();
        assertThat(entry.size()).isEqualTo(1);
        assertThat(entry.fileName()).isEqualTo("app-1.1.0.tar.gz");
        assertThat(entry.signature()).startsWith("untrusted comment:");
    }

    @Test
    void unknownTopLevelFieldsAndPlatformsAreTolerated() throws Exception {
        UpdateFeed feed = FeedParser.parse(feed(f -> {
            f.put("channel", "beta");
            ((ObjectNode) f.get("platforms")).putObject("haiku-riscv-pkg").put("anything", true);
            // a format a later release may add: this version has no hand-off for it, so it is not an offer
            ((ObjectNode) f.get("platforms")).putObject("linux-x64-appimage").put("anything", true);
        }));
        assertThat(feed.platforms()).containsOnlyKeys(PlatformKey.parse("linux-x64-tar.gz"));
    }

    @Test
    void duplicateKeysAreAnError() {
        String json = new String(assertDoesNotThrow(), StandardCharsets.UTF_8).replaceFirst("\"version\"", "\"version\":\"9.9.9\",\"version\"");
        assertThatThrownBy(() -> FeedParser.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("Duplicate");
    }

    private byte[] assertDoesNotThrow() {
        try {
            return feed(f -> { });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "schema|2", "version|1.1", "version|v1.1.0", "pub_date|yesterday", "expires|2026-11-19T00:00:00Z",
            "min_version|one", "app|", "platforms.url|ftp://u.example/a.tar.gz", "platforms.url|https:///nohost.tar.gz",
            "platforms.url|https://u.example/", "platforms.url|https://user:pw@u.example/a.tar.gz",
            "platforms.sha256|abc", "platforms.size|0", "platforms.size|-5", "platforms.size|1.5",
            "platforms.signature|not base64!", "platforms.signature|aGVsbG8="})
    void invalidFieldsAreRejectedWithTheFieldName(String field, String value) throws Exception {
        byte[] json = feed(f -> {
            ObjectNode target = field.startsWith("platforms.") ? Release.platform(f) : f;
            String name = field.replace("platforms.", "");
            String text = value == null ? "" : value;
            if (name.equals("schema") || name.equals("size")) {
                target.put(name, Double.parseDouble(text));
                if (!text.contains(".")) {
                    target.put(name, Long.parseLong(text));
                }
            } else {
                target.put(name, text);
            }
        });
        assertThatThrownBy(() -> FeedParser.parse(json)).isInstanceOf(FeedFormatException.class)
                .hasMessageContaining(field.startsWith("platforms.") ? field.replace("platforms.", "") : field.equals("expires")
                        ? "expires" : field);
    }

    @Test
    void notJsonIsAFormatError() {
        assertThatThrownBy(() -> FeedParser.parse("<html>".getBytes(StandardCharsets.UTF_8))).isInstanceOf(FeedFormatException.class);
        assertThatThrownBy(() -> FeedParser.parse("[]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(FeedFormatException.class);
        assertThatThrownBy(() -> FeedParser.parse(new byte[FeedParser.MAX_FEED_BYTES + 1])).isInstanceOf(FeedFormatException.class);
    }

    @ParameterizedTest
    @CsvSource({"1.0.0,1.0.1", "1.0.0-alpha,1.0.0", "1.0.0-alpha,1.0.0-alpha.1", "1.0.0-alpha.1,1.0.0-alpha.beta",
            "1.0.0-beta.2,1.0.0-beta.11", "1.0.0-rc.1,1.0.0", "1.9.0,1.10.0", "0.1.0-SNAPSHOT,0.1.0"})
    void semanticVersionsOrderAsTheSpecificationSays(String lower, String higher) throws Exception {
        assertThat(SemanticVersion.parse(higher).isNewerThan(SemanticVersion.parse(lower))).isTrue();
        assertThat(SemanticVersion.parse(lower).isNewerThan(SemanticVersion.parse(higher))).isFalse();
    }

    @Test
    void buildMetadataDoesNotMakeAVersionNewer() throws Exception {
        assertThat(SemanticVersion.parse("1.0.0+build.5").samePrecedence(SemanticVersion.parse("1.0.0"))).isTrue();
        assertThatThrownBy(() -> SemanticVersion.parse("01.0.0")).isInstanceOf(FeedFormatException.class);
    }
}
