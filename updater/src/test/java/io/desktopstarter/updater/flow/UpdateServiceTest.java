package io.desktopstarter.updater.flow;

import static io.desktopstarter.updater.testing.RejectionAssert.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.updater.download.DownloadSettings;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.install.InstallOutcome;
import io.desktopstarter.updater.install.Installer;
import io.desktopstarter.updater.policy.RejectionCode;
import io.desktopstarter.updater.testing.Release;
import io.desktopstarter.updater.testing.Snapshot;
import io.desktopstarter.updater.testing.TestPki;
import io.desktopstarter.updater.testing.TrustFiles;
import io.desktopstarter.updater.testing.TestSigner;
import io.desktopstarter.updater.testing.UpdateServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole connected flow against a real HTTPS server: check, download, verify, install. */
class UpdateServiceTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    static final TestPki pki = TestPki.shared();

    @TempDir
    Path tmp;
    Path appData;
    UpdateServer server;
    TestSigner signer = new TestSigner();
    List<UpdateState> states = new CopyOnWriteArrayList<>();
    List<Path> installed = new CopyOnWriteArrayList<>();
    byte[] artifact = "portable app ".repeat(40_000).getBytes();

    @BeforeEach
    void setUp() throws Exception {
        appData = Files.createDirectories(tmp.resolve("app-data"));
        Files.writeString(appData.resolve("app.sqlite3"), "data");
        server = UpdateServer.https(pki.serverContext());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    void publish(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) throws Exception {
        Path release = tmp.resolve("release");
        Release.write(release, signer, "1.1.0", artifact, server.url("/files/").toString(), edit);
        server.put("/latest.json", Files.readAllBytes(release.resolve("latest.json")));
        server.put("/latest.json.minisig", Files.readAllBytes(release.resolve("latest.json.minisig")));
        server.put("/files/desktop-java-starter-javafx-linux-1.1.0-x64.tar.gz", artifact);
    }

    UpdateService service(Optional<FeedSource> feed) {
        UpdateConfig config = new UpdateConfig("desktop-java-starter", Optional.of("javafx"), version("1.0.0"),
                PlatformKey.parse(Release.PLATFORM), feed, List.of(signer.publicKey()), appData,
                DownloadSettings.defaults().withTls(pki.clientContext()));
        Installer installer = (file, v) -> {
            installed.add(file);
            return new InstallOutcome.Installed(v, file);
        };
        return new UpdateService(config, installer, states::add, NOW);
    }

    static SemanticVersion version(String text) {
        try {
            return SemanticVersion.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void checkDownloadVerifyInstall() throws Exception {
        publish(f -> { });
        try (UpdateService service = service(Optional.of(new FeedSource.Remote(server.url("/latest.json"))))) {
            assertThat(service.check().get(10, TimeUnit.SECONDS))
                    .isEqualTo(new UpdateState.Available("1.1.0", "Faster ponies.", artifact.length));
            assertThat(TrustFiles.newestFeed(appData)).as("an authentic feed is remembered at once (D-030)")
                    .contains(Instant.parse("2026-11-20T00:00:00Z"));

            UpdateState ready = service.download().get(30, TimeUnit.SECONDS);
            Path file = appData.resolve("updates/downloads/desktop-java-starter-javafx-linux-1.1.0-x64.tar.gz");
            assertThat(ready).isEqualTo(new UpdateState.ReadyToInstall("1.1.0", file));
            assertThat(Files.readAllBytes(file)).isEqualTo(artifact);
            assertThat(TrustFiles.newestFeed(appData)).contains(Instant.parse("2026-11-20T00:00:00Z"));

            assertThat(service.install().get(10, TimeUnit.SECONDS))
                    .isEqualTo(new UpdateState.Finished(new InstallOutcome.Installed("1.1.0", file)));
            assertThat(file).as("the installed download is not kept in app data").doesNotExist();
        }
        assertThat(states).first().isEqualTo(new UpdateState.Checking());
        assertThat(states).anyMatch(s -> s instanceof UpdateState.Downloading);
        assertThat(states).contains(new UpdateState.Verified("1.1.0"), new UpdateState.Installing("1.1.0"));
        assertThat(installed).hasSize(1);
    }

    @Test
    void aKitsFileIsTheUsersAndStaysAfterTheInstall() throws Exception {
        Path kit = tmp.resolve("usb");
        Release.write(kit, signer, "1.1.0", artifact, "https://updates.example.com/", f -> { });
        Path file = kit.resolve("desktop-java-starter-javafx-linux-1.1.0-x64.tar.gz");
        try (UpdateService service = service(Optional.empty())) {
            assertThat(service.openKit(kit).get(10, TimeUnit.SECONDS)).isEqualTo(new UpdateState.ReadyToInstall("1.1.0", file));
            assertThat(service.install().get(10, TimeUnit.SECONDS))
                    .isEqualTo(new UpdateState.Finished(new InstallOutcome.Installed("1.1.0", file)));
        }
        assertThat(file).as("the kit on the stick is left as it was").exists();
    }

    @Test
    void anUnsignedFeedFailsTheCheckWithItsReason() throws Exception {
        publish(f -> { });
        server.put("/latest.json.minisig", new byte[0]);
        try (UpdateService service = service(Optional.of(new FeedSource.Remote(server.url("/latest.json"))))) {
            assertRejected(service.check().get(10, TimeUnit.SECONDS), RejectionCode.BAD_SIGNATURE);
        }
    }

    @Test
    void anUnreachableFeedIsAFailureNotAHang() throws Exception {
        try (UpdateService service = service(Optional.of(new FeedSource.Remote(server.url("/nothing-here.json"))))) {
            assertThat(service.check().get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(UpdateState.Failed.class,
                    f -> assertThat(f.message()).contains("404"));
        }
    }

    @Test
    void withoutAFeedUpdatesAreOffAndSayWhy() throws Exception {
        try (UpdateService service = service(Optional.empty())) {
            assertThat(service.configured()).isFalse();
            assertThat(service.state()).isInstanceOfSatisfying(UpdateState.NotConfigured.class,
                    s -> assertThat(s.reason()).contains("DESKTOP_STARTER_UPDATE_FEED"));
            assertThat(service.check().get(5, TimeUnit.SECONDS)).isInstanceOf(UpdateState.NotConfigured.class);
        }
        assertThat(FeedSource.parse("https://u.example/latest.json"))
                .isEqualTo(new FeedSource.Remote(java.net.URI.create("https://u.example/latest.json")));
    }
}
