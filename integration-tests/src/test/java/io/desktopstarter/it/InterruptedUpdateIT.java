package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.staging.manifest.Manifests;
import io.desktopstarter.staging.verify.TreeVerifier;
import io.desktopstarter.testsupport.Eventually;
import io.desktopstarter.updater.testing.UpdateServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --update --yes} killed with SIGKILL (power cut, kill -9) while it downloads and while it installs: the next
 * start runs 1.0.0 or 1.1.0, complete, never a mix, and the next {@code --update --yes} finishes the job.
 */
@EnabledOnOs(OS.LINUX)
class InterruptedUpdateIT {
    static Releases releases;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() throws Exception {
        releases = Releases.get();
    }

    @AfterEach
    void normal() {
        releases.server.mode("/" + newArchive().getFileName(), UpdateServer.Mode.NORMAL);
    }

    @Test
    void killedWhileDownloadingTheOldVersionIsUntouchedAndTheNextRunResumes() throws Exception {
        User user = User.installing(tmp.resolve("home"), releases.artifact(releases.oldRelease, Releases.OLD, "tar.gz"));
        SortedMap<String, String> before = TreeSnapshot.of(user.install);
        // The server sends the first bytes, then stalls for 5 s: the kill lands inside the download.
        releases.server.mode("/" + newArchive().getFileName(), UpdateServer.Mode.SLOW);

        killWhen(user, "DOWNLOADING: ");

        assertThat(TreeSnapshot.of(user.install)).as("the installed app, byte for byte").isEqualTo(before);
        assertComplete(user, Releases.OLD);
        releases.server.mode("/" + newArchive().getFileName(), UpdateServer.Mode.NORMAL);
        int requests = releases.server.requests().size();

        Processes.Result again = user.update();

        assertThat(again.output()).contains("INSTALLED: " + Releases.NEW);
        assertThat(again.exit()).as(again.output()).isZero();
        assertComplete(user, Releases.NEW);
        List<String> later = releases.server.requests().subList(requests, releases.server.requests().size());
        assertThat(later).as("the download resumed where the killed one stopped")
                .anyMatch(r -> r.startsWith("GET /" + newArchive().getFileName() + " bytes="));
        System.out.println("[it] after a kill during the download, the next run's requests: " + later);
    }

    @Test
    void killedWhileInstallingTheNextStartRunsOneWholeVersion() throws Exception {
        User user = User.installing(tmp.resolve("home"), releases.artifact(releases.oldRelease, Releases.OLD, "tar.gz"));

        killWhen(user, "VERIFIED: ");

        String active = Files.readSymbolicLink(user.install.resolve("current")).getFileName().toString();
        assertThat(active).isIn(Releases.OLD, Releases.NEW);
        assertComplete(user, active);
        System.out.println("[it] killed during the install: " + active + " is active");

        Processes.Result again = user.update();

        if (active.equals(Releases.OLD)) {
            assertThat(again.output()).contains("INSTALLED: " + Releases.NEW);
            assertThat(again.exit()).as(again.output()).isZero();
        } else {
            assertThat(again.output()).contains("UP-TO-DATE: " + Releases.NEW);
            assertThat(again.exit()).as(again.output()).isEqualTo(11);
        }
        assertComplete(user, Releases.NEW);
        assertCleanedUp(user);
    }

    @Test
    void killedRightAfterTheSwapWhileNIsSmokeStartedTheNextStartRunsN() throws Exception {
        User user = User.installing(tmp.resolve("home"), releases.artifact(releases.oldRelease, Releases.OLD, "tar.gz"));
        Path current = user.install.resolve("current");

        // The link is replaced by one rename; the smoke start of N that follows takes seconds, so the kill lands there.
        killWhen(user, "current -> versions/" + Releases.NEW, () -> Files.readSymbolicLink(current).equals(Path.of("versions", Releases.NEW)));

        assertComplete(user, Releases.NEW);
        assertThat(user.install.resolve("versions/" + Releases.OLD + "/bin/desktop-java-starter-" + Releases.SHELL))
                .as("1.0.0 still there to roll back to").isExecutable();
        Processes.Result again = user.update();
        assertThat(again.output()).contains("UP-TO-DATE: " + Releases.NEW);
        assertThat(again.exit()).as(again.output()).isEqualTo(11);
        assertCleanedUp(user);
    }

    /** An interrupted install's leftovers ({@code PortableInstall}'s extraction folder and spare link) are gone. */
    private static void assertCleanedUp(User user) {
        assertThat(user.install.resolve(".incoming")).as("the interrupted extraction was cleaned up").doesNotExist();
        assertThat(user.install.resolve(".current.next")).as("no spare link").doesNotExist();
    }

    /** Starts {@code --update --yes} and SIGKILLs it and every process it started once its output shows {@code line}. */
    private static void killWhen(User user, String line) throws Exception {
        Path log = killWhen(user, "'" + line + "' printed", () -> read(user.home.resolve("logs/killed-update.log")).contains(line));
        assertThat(read(log)).as("killed after the line").contains(line);
    }

    /** Starts {@code --update --yes} and SIGKILLs it and every process it started once {@code moment} holds; returns its log. */
    private static Path killWhen(User user, String what, Callable<Boolean> moment) throws Exception {
        Path log = user.home.resolve("logs/killed-update.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(user.updateCommand())
                .redirectErrorStream(true).redirectOutput(log.toFile()).directory(user.home.toFile());
        builder.environment().clear();
        builder.environment().putAll(user.environment());
        Process update = builder.start();
        Eventually.awaitCall(Duration.ofMinutes(3), () -> !update.isAlive() || moment.call(), () -> what);
        List<ProcessHandle> tree = update.descendants().toList();
        update.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        update.waitFor();
        for (ProcessHandle p : tree) {
            p.onExit().join();
        }
        assertThat(read(log)).as("killed before it finished").doesNotContain("INSTALLED:", "UP-TO-DATE:");
        System.out.println("[it] SIGKILL when " + what.strip() + ":\n  " + read(log).strip().replace("\n", "\n  "));
        return log;
    }

    /** The version {@code current} points at is whole (its staged backend matches its manifest) and starts as itself. */
    private static void assertComplete(User user, String version) throws Exception {
        assertThat(Files.readSymbolicLink(user.install.resolve("current"))).isEqualTo(Path.of("versions", version));
        Path backend = user.install.resolve("current/lib/staged-backend");
        assertThat(TreeVerifier.verify(backend, Manifests.read(backend)).intact()).isTrue();
        try (AppClient app = AppClient.start(user)) {
            assertThat(app.get("/about/")).contains("<dd>" + version + "</dd>");
        }
    }

    private static Path newArchive() {
        return releases.artifact(releases.newRelease, Releases.NEW, "tar.gz");
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
