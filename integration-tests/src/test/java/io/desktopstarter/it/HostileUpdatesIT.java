package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile or broken server can serve an installed app, each refused with its code by {@code --update --yes}
 * or {@code --check-for-updates}, the installed app byte for byte as before and no download left behind.
 */
@EnabledOnOs(OS.LINUX)
class HostileUpdatesIT {
    static Releases releases;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() throws Exception {
        releases = Releases.get();
    }

    @AfterEach
    void republish() throws Exception {
        releases.publish(releases.newRelease);
    }

    @Test
    void anArtifactWithOneByteChangedIsRefusedAfterTheDownload() throws Exception {
        User user = User.installing(tmp.resolve("home"), oldArchive());
        SortedMap<String, String> before = TreeSnapshot.of(user.install);
        Path artifact = releases.artifact(releases.newRelease, Releases.NEW, "tar.gz");
        byte[] tampered = Files.readAllBytes(artifact);
        tampered[tampered.length / 2] ^= 0x01;
        releases.server.put("/" + artifact.getFileName(), tampered);

        Processes.Result update = user.launch(Duration.ofMinutes(10), "--update", "--yes");

        assertThat(update.output()).contains("DOWNLOADING: 100%", "REJECTED: hash-mismatch");
        assertThat(update.exit()).as(update.output()).isEqualTo(12);
        user.assertUntouched(before);
    }

    @Test
    void anOlderAuthenticFeedReplayedAfterANewerOneIsStale() throws Exception {
        User user = User.installing(tmp.resolve("home"), oldArchive());
        SortedMap<String, String> before = TreeSnapshot.of(user.install);
        assertThat(user.launch(Duration.ofMinutes(2), "--check-for-updates").exit()).isEqualTo(10);
        serveFeed(Files.readAllBytes(releases.oldRelease.resolve(Releases.FEED)),
                Files.readAllBytes(releases.oldRelease.resolve(Releases.FEED + ".minisig")));

        assertUpdateRefused(user, before, "stale-feed");
    }

    @Test
    void anExpiredFeedSignedWithTheRightKeyIsRefused() throws Exception {
        User user = User.installing(tmp.resolve("home"), oldArchive());
        SortedMap<String, String> before = TreeSnapshot.of(user.install);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String feed = Files.readString(releases.newRelease.resolve(Releases.FEED))
                .replaceFirst("\"pub_date\"\\s*:\\s*\"[^\"]+\"", "\"pub_date\" : \"" + now.minus(Duration.ofDays(40)) + "\"")
                .replaceFirst("\"expires\"\\s*:\\s*\"[^\"]+\"", "\"expires\" : \"" + now.minus(Duration.ofDays(10)) + "\"");
        byte[] content = feed.getBytes(StandardCharsets.UTF_8);
        serveFeed(content, releases.sign(content));

        assertUpdateRefused(user, before, "expired");
    }

    @Test
    void aFeedOfferingAnOlderVersionIsADowngradeAndRefused() throws Exception {
        User user = User.installing(tmp.resolve("home"), releases.artifact(releases.newRelease, Releases.NEW, "tar.gz"));
        SortedMap<String, String> before = TreeSnapshot.of(user.install);
        serveFeed(Files.readAllBytes(releases.oldRelease.resolve(Releases.FEED)),
                Files.readAllBytes(releases.oldRelease.resolve(Releases.FEED + ".minisig")));

        assertUpdateRefused(user, before, "not-newer");
    }

    /** {@code --update --yes} against what is served now: refused with {@code code}, exit 12, nothing changed. */
    private static void assertUpdateRefused(User user, SortedMap<String, String> before, String code) throws Exception {
        Processes.Result update = user.launch(Duration.ofMinutes(2), "--update", "--yes");
        assertThat(update.output()).contains("REJECTED: " + code);
        assertThat(update.exit()).as(update.output()).isEqualTo(12);
        user.assertUntouched(before);
    }

    private static Path oldArchive() {
        return releases.artifact(releases.oldRelease, Releases.OLD, "tar.gz");
    }

    private static void serveFeed(byte[] feed, byte[] signature) {
        releases.server.put("/" + Releases.FEED, feed).put("/" + Releases.FEED + ".minisig", signature);
    }
}
