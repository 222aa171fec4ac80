package io.desktopstarter.updater.flow;

import static io.desktopstarter.updater.testing.RejectionAssert.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.desktopstarter.updater.download.DownloadSettings;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.install.CommandRunner;
import io.desktopstarter.updater.install.InstallOutcome;
import io.desktopstarter.updater.install.PortableInstall;
import io.desktopstarter.updater.install.SmokeCheck;
import io.desktopstarter.updater.policy.RejectionCode;
import io.desktopstarter.updater.testing.AppImages;
import io.desktopstarter.updater.testing.Release;
import io.desktopstarter.updater.testing.Snapshot;
import io.desktopstarter.updater.testing.TrustFiles;
import io.desktopstarter.updater.testing.TestPki;
import io.desktopstarter.updater.testing.TestSigner;
import io.desktopstarter.updater.testing.UpdateServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connected updater as a portable install uses it: a real HTTPS server, a real release archive
 * and the real {@link PortableInstall}. Every rejection code is reached over the network, each by
 * the one thing wrong with an otherwise valid release, and each leaves the installed app
 * byte-identical, and app-data too but for the trust state an authentic feed advances (D-030).
 */
class ConnectedUpdateTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    static final String ARTIFACT = "desktop-java-starter-javafx-linux-1.1.0-x64.tar.gz";
    static final TestPki pki = TestPki.shared();

    @TempDir
    Path tmp;
    Path appData;
    Path appRoot;
    Path release;
    byte[] archive;
    UpdateServer server;
    TestSigner signer = new TestSigner();
    TestSigner stranger = new TestSigner();

    @BeforeEach
    void setUp() throws Exception {
        appData = Files.createDirectories(tmp.resolve("app-data"));
        Files.writeString(appData.resolve("app.sqlite3"), "the user's data");
        TrustFiles.seenFeed(appData, Instant.parse("2026-11-01T00:00:00Z"));
        appRoot = AppImages.installed(tmp.resolve("app"), "1.0.0");
        archive = Files.readAllBytes(AppImages.archive(tmp.resolve("built.tar.gz"), "1.1.0", true));
        release = tmp.resolve("release");
        server = UpdateServer.https(pki.serverContext());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    interface Breakage {
        void apply(ConnectedUpdateTest t) throws Exception;
    }

    static Stream<Arguments> everyRejection() {
        return Stream.of(
                Arguments.of(RejectionCode.MALFORMED, "size is text", (Breakage) t -> t.publish(f -> Release.platform(f).put("size", "big"))),
                Arguments.of(RejectionCode.BAD_SIGNATURE, "feed changed after signing", (Breakage) t -> {
                    t.write(f -> { });
                    Path feed = t.release.resolve("latest.json");
                    Files.writeString(feed, Files.readString(feed).replace("Faster ponies.", "Faster ponies!"));
                    t.serve();
                }),
                Arguments.of(RejectionCode.BAD_SIGNATURE, "no latest.json.minisig", (Breakage) t -> {
                    t.write(f -> { });
                    Files.delete(t.release.resolve("latest.json.minisig"));
                    t.serve();
                }),
                Arguments.of(RejectionCode.UNTRUSTED_KEY, "signed by an unknown key", (Breakage) t -> {
                    ObjectNode feed = t.write(f -> { });
                    Release.resign(t.release, t.stranger, feed);
                    t.serve();
                }),
                Arguments.of(RejectionCode.REVOKED_KEY, "signed by a revoked key", (Breakage) t -> {
                    ObjectNode feed = t.write(f -> { });
                    Release.writeKeyList(t.release, t.signer, t.stranger, true, "2026-11-15T00:00:00Z");
                    Release.resign(t.release, t.stranger, feed);
                    t.serve();
                }),
                Arguments.of(RejectionCode.NOT_NEWER, "rollback to 0.9.0", (Breakage) t -> t.publish("0.9.0", f -> { })),
                Arguments.of(RejectionCode.MIN_VERSION, "stepping-stone needed",
                        (Breakage) t -> t.publish(f -> f.put("min_version", "1.0.5"))),
                Arguments.of(RejectionCode.EXPIRED, "frozen feed", (Breakage) t -> t.publish(f -> f.put("expires", "2026-11-22T00:00:00Z"))),
                Arguments.of(RejectionCode.STALE_FEED, "older than the last accepted",
                        (Breakage) t -> t.publish(f -> f.put("pub_date", "2026-10-01T00:00:00Z"))),
                Arguments.of(RejectionCode.PLATFORM_MISSING, "only an arm64 build", (Breakage) t -> t.publish(f -> {
                    ObjectNode platforms = (ObjectNode) f.get("platforms");
                    platforms.set("linux-arm64-tar.gz", platforms.remove(Release.PLATFORM));
                })),
                Arguments.of(RejectionCode.INSECURE_URL, "http artifact URL", (Breakage) t -> t.publish(f -> Release.platform(f)
                        .put("url", "http://127.0.0.1:9/" + ARTIFACT))),
                Arguments.of(RejectionCode.INSECURE_URL, "artifact redirects to http", (Breakage) t -> {
                    t.publish(f -> { });
                    t.server.redirect("/" + ARTIFACT, "http://127.0.0.1:9/" + ARTIFACT);
                }),
                Arguments.of(RejectionCode.SIZE_MISMATCH, "server sends more than announced", (Breakage) t -> {
                    t.publish(f -> { });
                    t.server.mode("/" + ARTIFACT, UpdateServer.Mode.EXTRA_BYTES);
                }),
                Arguments.of(RejectionCode.SIZE_MISMATCH, "feed announces less than the file",
                        (Breakage) t -> t.publish(f -> Release.platform(f).put("size", t.archive.length - 1))),
                Arguments.of(RejectionCode.HASH_MISMATCH, "artifact swapped on the server", (Breakage) t -> {
                    t.publish(f -> { });
                    byte[] evil = t.archive.clone();
                    evil[evil.length / 2] ^= 1;
                    t.server.put("/" + ARTIFACT, evil);
                }),
                Arguments.of(RejectionCode.ARTIFACT_SIGNATURE, "signature of other bytes", (Breakage) t -> t.publish(f -> Release.platform(f)
                        .put("signature", Base64.getEncoder().encodeToString(
                                t.signer.sign("other bytes".getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyRejection")
    void eachBrokenRuleIsRejectedOverHttpsAndChangesNothing(RejectionCode expected, String what, Breakage breakage)
            throws Exception {
        breakage.apply(this);
        Map<String, String> appDataBefore = Snapshot.of(appData);
        Map<String, String> appBefore = Snapshot.of(appRoot);

        try (UpdateService service = service()) {
            UpdateState state = service.check().get(30, TimeUnit.SECONDS);
            if (state instanceof UpdateState.Available) {
                state = service.download().get(30, TimeUnit.SECONDS);
            }
            assertThat(assertRejected(state, expected).detail()).as(what).isNotBlank();
            assertThat(service.install().get(30, TimeUnit.SECONDS)).isInstanceOf(UpdateState.Failed.class);
        }
        TrustFiles.assertChangedOnlyAsAllowed(expected, appData, appDataBefore, Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(Snapshot.of(appRoot)).isEqualTo(appBefore);
    }

    @Test
    void aValidReleaseIsDownloadedVerifiedAndInstalledByTheAtomicSwap() throws Exception {
        publish(f -> { });
        String userData = Files.readString(appData.resolve("app.sqlite3"));

        try (UpdateService service = service()) {
            assertThat(service.check().get(30, TimeUnit.SECONDS)).isInstanceOf(UpdateState.Available.class);
            assertThat(service.download().get(30, TimeUnit.SECONDS)).isInstanceOf(UpdateState.ReadyToInstall.class);
            assertThat(service.install().get(30, TimeUnit.SECONDS))
                    .isEqualTo(new UpdateState.Finished(new InstallOutcome.Installed("1.1.0", appRoot.resolve("versions/1.1.0"))));
        }
        CommandRunner.Result launched = CommandRunner.SYSTEM.run(List.of(appRoot.resolve("current").resolve(AppImages.LAUNCHER)
                .toString()), Duration.ofSeconds(10));
        assertThat(launched.output().strip()).isEqualTo("version 1.1.0");
        assertThat(appRoot.resolve("versions/1.0.0")).as("kept for rollback").isDirectory();
        assertThat(Files.readString(appData.resolve("app.sqlite3"))).isEqualTo(userData);
        assertThat(TrustFiles.newestFeed(appData)).contains(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void aTwoStepRotationOverHttpsKeepsTheNewKeyAndTheRevocation() throws Exception {
        TestSigner neu = stranger;
        publishSignedBy(neu, "1.1.0", "2026-11-11");
        Release.writeKeyList(release, signer, "2026-11-10T00:00:00Z", Release.Listed.trusted(neu));
        serve();
        assertThat(checkNow()).isInstanceOf(UpdateState.Available.class);
        byte[] firstList = Files.readAllBytes(release.resolve("keys.json"));
        String firstSignature = Files.readString(release.resolve("keys.json.minisig"));

        publishSignedBy(neu, "1.1.0", "2026-11-13");
        Release.writeKeyList(release, neu, "2026-11-12T00:00:00Z", Release.Listed.trusted(neu), Release.Listed.revoked(signer));
        serve();
        assertThat(checkNow()).isInstanceOf(UpdateState.Available.class);

        withoutKeyList();
        publishSignedBy(signer, "1.2.0", "2026-11-14");
        assertRefused(RejectionCode.REVOKED_KEY);

        publishSignedBy(neu, "1.2.0", "2026-11-15");
        server.put("/keys.json", firstList).put("/keys.json.minisig", firstSignature.getBytes(StandardCharsets.UTF_8));
        assertRefused(RejectionCode.REVOKED_KEY);

        withoutKeyList();
        try (UpdateService service = service()) {
            assertThat(service.check().get(30, TimeUnit.SECONDS)).isInstanceOf(UpdateState.Available.class);
            assertThat(service.download().get(30, TimeUnit.SECONDS)).as("the artifact signed by the rotated-in key")
                    .isInstanceOf(UpdateState.ReadyToInstall.class);
        }
    }

    @Test
    void afterAnAvailableUpdateWasPostponedAnOlderAuthenticFeedIsStale() throws Exception {
        publish("2.0.0", f -> { });
        assertThat(checkNow()).as("the user postpones 2.0.0").isInstanceOf(UpdateState.Available.class);

        publish("1.5.0", f -> f.put("pub_date", "2026-11-10T00:00:00Z"));
        assertRefused(RejectionCode.STALE_FEED);
    }

    void publishSignedBy(TestSigner by, String version, String day) throws Exception {
        Release.write(release, by, version, archive, server.url("/").toString(), f -> f.put("pub_date", day + "T00:00:00Z"));
        serve();
    }

    void withoutKeyList() throws Exception {
        Files.deleteIfExists(release.resolve("keys.json"));
        Files.deleteIfExists(release.resolve("keys.json.minisig"));
        server.remove("/keys.json").remove("/keys.json.minisig");
    }

    UpdateState checkNow() throws Exception {
        try (UpdateService service = service()) {
            return service.check().get(30, TimeUnit.SECONDS);
        }
    }

    void assertRefused(RejectionCode code) throws Exception {
        Map<String, String> before = Snapshot.of(appData);
        assertRejected(checkNow(), code);
        assertThat(Snapshot.of(appData)).isEqualTo(before);
    }

    UpdateService service() {
        UpdateConfig config = new UpdateConfig("desktop-java-starter", Optional.of("javafx"), version("1.0.0"),
                PlatformKey.parse(Release.PLATFORM), Optional.of(new FeedSource.Remote(server.url("/latest.json"))),
                List.of(signer.publicKey()), appData, DownloadSettings.defaults().withTls(pki.clientContext()));
        PortableInstall installer = new PortableInstall(appRoot,
                SmokeCheck.launcher(AppImages.LAUNCHER, CommandRunner.SYSTEM, Duration.ofSeconds(20)), step -> { });
        return new UpdateService(config, installer, state -> { }, NOW);
    }

    ObjectNode write(Consumer<ObjectNode> edit) throws Exception {
        return write("1.1.0", edit);
    }

    ObjectNode write(String version, Consumer<ObjectNode> edit) throws Exception {
        return Release.write(release, signer, version, archive, server.url("/").toString(), edit);
    }

    void publish(Consumer<ObjectNode> edit) throws Exception {
        publish("1.1.0", edit);
    }

    void publish(String version, Consumer<ObjectNode> edit) throws Exception {
        write(version, edit);
        serve();
    }

    /** Puts every file of the release directory on the server under its own name. */
    void serve() throws Exception {
        try (Stream<Path> files = Files.list(release)) {
            for (Path file : files.toList()) {
                server.put("/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
    }

    static SemanticVersion version(String text) {
        try {
            return SemanticVersion.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
