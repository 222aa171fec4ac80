package io.desktopstarter.updater.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.testsupport.Required;
import io.desktopstarter.updater.download.DownloadSettings;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.install.CommandRunner;
import io.desktopstarter.updater.install.PortableInstall;
import io.desktopstarter.updater.install.SmokeCheck;
import io.desktopstarter.updater.testing.AppImages;
import io.desktopstarter.updater.testing.Release;
import io.desktopstarter.updater.testing.Snapshot;
import io.desktopstarter.updater.testing.TestPki;
import io.desktopstarter.updater.testing.TestSigner;
import io.desktopstarter.updater.testing.TrustFiles;
import io.desktopstarter.updater.testing.UpdateServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk during the connected download: app-data on a 2 MB tmpfs (mounted as root; skipped
 * elsewhere, a failure when {@code CI=true}), the real HTTPS server and a signed release. The update
 * fails with a message saying how much space it needs, no part file or folder is left behind, the
 * trust state and the installed app are byte-identical, and once space is freed the same update
 * downloads and verifies.
 */
@EnabledOnOs(OS.LINUX)
class FullDiskDownloadTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    static final TestPki pki = TestPki.shared();

    @TempDir
    Path tmp;
    Path disk;
    Path appData;
    Path appRoot;
    boolean mounted;
    UpdateServer server;
    TestSigner signer = new TestSigner();

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(tmp.resolve("small-disk"));
        Required.root("mount a tmpfs");
        String failure = mount();
        Required.that(failure == null, "cannot mount a tmpfs: " + failure);
        appData = Files.createDirectories(disk.resolve("app-data"));
        Files.writeString(appData.resolve("app.sqlite3"), "the user's data");
        TrustFiles.seenFeed(appData, Instant.parse("2026-11-01T00:00:00Z"));
        appRoot = AppImages.installed(tmp.resolve("app"), "1.0.0");
        server = UpdateServer.https(pki.serverContext());
    }

    /** Null when mounted, else what mount said. */
    private String mount() throws Exception {
        CommandRunner.Result result = CommandRunner.SYSTEM.run(List.of("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700",
                "desktop-starter-full-disk", disk.toString()), Duration.ofSeconds(30));
        mounted = result.exitCode() == 0;
        return mounted ? null : "mount -t tmpfs: " + result.output().strip();
    }

    @AfterEach
    void unmount() throws Exception {
        if (server != null) {
            server.close();
        }
        if (mounted) {
            CommandRunner.Result result = CommandRunner.SYSTEM.run(List.of("umount", disk.toString()), Duration.ofSeconds(30));
            if (result.exitCode() != 0) {
                CommandRunner.SYSTEM.run(List.of("umount", "-l", disk.toString()), Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void anUpdateLargerThanTheFreeSpaceIsRefusedBeforeAByteIsWritten() throws Exception {
        publish(3 * 1024 * 1024);

        try (UpdateService service = service(state -> { })) {
            assertThat(service.check().get(30, TimeUnit.SECONDS)).isInstanceOf(UpdateState.Available.class);
            Map<String, String> appDataBefore = Snapshot.of(appData);
            Map<String, String> appBefore = Snapshot.of(appRoot);

            assertNoSpace(service.download().get(30, TimeUnit.SECONDS));

            assertThat(Snapshot.of(appData)).isEqualTo(appDataBefore);
            assertThat(Snapshot.of(appRoot)).isEqualTo(appBefore);
            assertThat(server.requests()).noneMatch(request -> request.contains(".tar.gz"));
        }
    }

    @Test
    void aDiskThatFillsUpDuringTheDownloadLeavesNoPartFileAndTheUpdateWorksOnceSpaceIsFreed() throws Exception {
        publish(1024 * 1024 + 17);
        Path filler = disk.resolve("other-program.dat");
        boolean[] filled = {false};

        try (UpdateService service = service(state -> {
            if (state instanceof UpdateState.Downloading && !filled[0]) {
                filled[0] = true;
                fill(filler);
            }
        })) {
            assertThat(service.check().get(30, TimeUnit.SECONDS)).isInstanceOf(UpdateState.Available.class);
            Map<String, String> appDataBefore = Snapshot.of(appData);
            Map<String, String> appBefore = Snapshot.of(appRoot);

            assertNoSpace(service.download().get(30, TimeUnit.SECONDS));

            assertThat(filled[0]).as("the disk filled up while downloading").isTrue();
            assertThat(Snapshot.of(appData)).as("no .part, no downloads folder, trust.json unchanged").isEqualTo(appDataBefore);
            assertThat(Snapshot.of(appRoot)).isEqualTo(appBefore);

            Files.delete(filler);
            assertThat(service.download().get(30, TimeUnit.SECONDS)).isInstanceOf(UpdateState.ReadyToInstall.class);
        }
    }

    static void assertNoSpace(UpdateState state) {
        assertThat(state).isInstanceOfSatisfying(UpdateState.Failed.class, failed -> {
            assertThat(failed.rejection()).isEmpty();
            assertThat(failed.message()).startsWith("not enough disk space for the update:")
                    .contains("are needed in", "are free", "Free some space").doesNotContain("will resume");
        });
    }

    /** Another program takes every byte left on the disk. */
    static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full now
        }
    }

    void publish(int artifactSize) throws Exception {
        byte[] artifact = new byte[artifactSize];
        new Random(16).nextBytes(artifact);
        Path release = tmp.resolve("release");
        Release.write(release, signer, "1.1.0", artifact, server.url("/").toString(), feed -> { });
        try (Stream<Path> files = Files.list(release)) {
            for (Path file : files.toList()) {
                server.put("/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
    }

    UpdateService service(Consumer<UpdateState> listener) throws Exception {
        UpdateConfig config = new UpdateConfig("desktop-java-starter", Optional.of("javafx"), SemanticVersion.parse("1.0.0"),
                PlatformKey.parse(Release.PLATFORM), Optional.of(new FeedSource.Remote(server.url("/latest.json"))),
                List.of(signer.publicKey()), appData, DownloadSettings.defaults().withTls(pki.clientContext()));
        PortableInstall installer = new PortableInstall(appRoot,
                SmokeCheck.launcher(AppImages.LAUNCHER, CommandRunner.SYSTEM, Duration.ofSeconds(20)), step -> { });
        return new UpdateService(config, installer, listener, NOW);
    }
}
