package io.desktopstarter.distribution.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.signing.keys.SecretKey;
import io.desktopstarter.signing.keys.SecretKeyFile;
import io.desktopstarter.signing.sign.MinisignSigner;
import io.desktopstarter.updater.feed.FeedParser;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.feed.UpdateFeed;
import io.desktopstarter.updater.policy.FeedPolicy;
import io.desktopstarter.updater.policy.UpdateDecision;
import io.desktopstarter.updater.policy.UrlPolicy;
import io.desktopstarter.updater.trust.KeyRing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging the OS jobs' feeds into the one feed a shell's users read, and every refusal. */
class FeedMergeTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;
    Path files;
    SecretKey key;
    FeedMerge merge;

    @BeforeEach
    void keys() throws Exception {
        files = Files.createDirectories(tmp.resolve("release"));
        key = SecretKeyFile.generate();
        merge = new FeedMerge(List.of(key.publicKey()));
    }

    /** One OS job's feed: its artifacts written and signed, the feed listing them. */
    Path part(String name, String shell, String version, Instant pubDate, Map<String, String> platformsToFiles,
            Consumer<ObjectNode> edit) throws Exception {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("schema", 1).put("app", "desktop-java-starter").put("shell", shell).put("version", version)
                .put("pub_date", pubDate.toString()).put("expires", pubDate.plus(Duration.ofDays(30)).toString())
                .put("notes", "Faster ponies.").put("min_version", "1.0.0");
        ObjectNode platforms = feed.putObject("platforms");
        for (Map.Entry<String, String> p : platformsToFiles.entrySet()) {
            Path artifact = Files.writeString(files.resolve(p.getValue()), p.getKey() + " installer ".repeat(500));
            String signature = new MinisignSigner(key, CLOCK).sign(artifact, null).toFileContent();
            platforms.putObject(p.getKey()).put("url", "https://github.com/o/r/releases/download/v" + version + "/" + p.getValue())
                    .put("sha256", io.desktopstarter.foundation.digest.Sha256.hex(artifact)).put("size", Files.size(artifact))
                    .put("signature", java.util.Base64.getEncoder().encodeToString(signature.getBytes(StandardCharsets.UTF_8)));
        }
        edit.accept(feed);
        return Files.write(tmp.resolve(name), JSON.writeValueAsBytes(feed));
    }

    Path linux(String version) throws Exception {
        return part("linux.json", "javafx", version, Instant.parse("2026-11-22T10:00:00Z"), Map.of(
                "linux-x64-deb", "desktop-java-starter-javafx-linux-" + version + "-x64.deb",
                "linux-x64-tar.gz", "desktop-java-starter-javafx-linux-" + version + "-x64.tar.gz"), f -> { });
    }

    Path windows(String shell, String version, Consumer<ObjectNode> edit) throws Exception {
        return part("windows.json", shell, version, Instant.parse("2026-11-22T11:00:00Z"), Map.of(
                "windows-x64-msi", "desktop-java-starter-" + shell + "-windows-" + version + "-x64.msi"), edit);
    }

    @Test
    void partsFromEveryOsBecomeOneFeedTheUpdaterAccepts() throws Exception {
        byte[] merged = merge.merge(List.of(linux("1.2.0"), windows("javafx", "1.2.0", f -> { })), files);

        UpdateFeed feed = FeedParser.parse(merged);
        assertThat(feed.platforms().keySet()).extracting(Object::toString)
                .containsExactly("linux-x64-deb", "linux-x64-tar.gz", "windows-x64-msi");
        assertThat(feed.pubDate()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
        assertThat(feed.expires()).isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
        String signature = new MinisignSigner(key, CLOCK).sign(Files.write(tmp.resolve("latest-javafx.json"), merged), null)
                .toFileContent();
        for (String platform : List.of("linux-x64-deb", "windows-x64-msi")) {
            UpdateDecision decision = new FeedPolicy(KeyRing.of(List.of(key.publicKey())), UrlPolicy.HTTPS_ONLY).evaluate(merged,
                    Optional.of(signature), new FeedPolicy.Installation("desktop-java-starter", Optional.of("javafx"),
                            SemanticVersion.parse("1.1.0"), PlatformKey.parse(platform)), CLOCK.instant(), Optional.empty());
            assertThat(decision).as(platform).isInstanceOf(UpdateDecision.Available.class);
        }
    }

    @Test
    void conflictingVersionsAreRefused() throws Exception {
        assertRefused(List.of(linux("1.2.0"), windows("javafx", "1.2.1", f -> { })), "has version '1.2.1' where the other parts have '1.2.0'");
    }

    @Test
    void mixedShellsAreRefused() throws Exception {
        assertRefused(List.of(linux("1.2.0"), windows("swing", "1.2.0", f -> { })), "has shell 'swing' where the other parts have 'javafx'");
    }

    @Test
    void differentNotesOrSteppingStonesAreRefused() throws Exception {
        assertRefused(List.of(linux("1.2.0"), windows("javafx", "1.2.0", f -> f.put("notes", "Other notes."))), "has notes");
        assertRefused(List.of(linux("1.2.0"), windows("javafx", "1.2.0", f -> f.put("min_version", "1.1.0"))), "has min_version");
    }

    @Test
    void aPlatformListedTwiceIsRefused() throws Exception {
        Path again = part("again.json", "javafx", "1.2.0", Instant.parse("2026-11-22T12:00:00Z"),
                Map.of("linux-x64-deb", "other-name.deb"), f -> { });
        assertRefused(List.of(linux("1.2.0"), again), "linux-x64-deb is listed twice");
    }

    @Test
    void anArtifactThatDoesNotMatchItsEntryIsRefused() throws Exception {
        Path linux = linux("1.2.0");
        Path deb = files.resolve("desktop-java-starter-javafx-linux-1.2.0-x64.deb");
        byte[] bytes = Files.readAllBytes(deb);
        bytes[10] ^= 1;
        Files.write(deb, bytes);
        assertRefused(List.of(linux), "linux-x64-deb: desktop-java-starter-javafx-linux-1.2.0-x64.deb has sha256");

        Files.write(deb, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertRefused(List.of(linux), "bytes, the feed says");

        Files.delete(deb);
        assertRefused(List.of(linux), "is not among the release files");
    }

    @Test
    void anArtifactSignedByAnotherKeyOrNotAtAllIsRefused() throws Exception {
        FeedMerge other = new FeedMerge(List.of(SecretKeyFile.generate().publicKey()));
        Path linux = linux("1.2.0");
        assertThatThrownBy(() -> other.merge(List.of(linux), files)).isInstanceOf(FeedMergeException.class)
                .hasMessageContaining("not by a release key the app has built in");

        String otherBytes = new MinisignSigner(key, CLOCK).sign(Files.writeString(tmp.resolve("other"), "other bytes"), null)
                .toFileContent();
        Path lying = windows("javafx", "1.2.0", f -> ((ObjectNode) f.get("platforms").get("windows-x64-msi")).put("signature",
                java.util.Base64.getEncoder().encodeToString(otherBytes.getBytes(StandardCharsets.UTF_8))));
        assertRefused(List.of(lying), "the signature of desktop-java-starter-javafx-windows-1.2.0-x64.msi does not verify");
    }

    @Test
    void aPartThatIsNotAFeedIsRefused() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"schema\": 1");
        assertRefused(List.of(broken), "broken.json is not a valid feed");
        assertThatThrownBy(() -> merge.merge(List.of(), files)).hasMessage("no feed parts to merge");
    }

    void assertRefused(List<Path> parts, String message) {
        assertThatThrownBy(() -> merge.merge(parts, files)).isInstanceOf(FeedMergeException.class).hasMessageContaining(message);
    }
}
