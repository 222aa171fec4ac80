package io.desktopstarter.staging.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.staging.StagedTree;
import io.desktopstarter.staging.fixtures.FakeBackend;
import io.desktopstarter.staging.manifest.CommandSpec;
import io.desktopstarter.staging.manifest.RuntimeManifest;
import java.io.BufferedReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The launcher against the really staged backend, and against fakes that misbehave on purpose. */
class BackendLauncherIT {
    @TempDir
    Path appData;

    final List<LauncherEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void noProcessLeftBehind() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                .as("child processes of the test JVM").isEmpty();
    }

    @Test
    void startsTheStagedBackendAndStopsItLeavingNothing() throws Exception {
        BackendLauncher launcher = new BackendLauncher(BackendSource.staged(StagedTree.path()),
                LaunchOptions.defaults().withAppDataDir(appData).withShellName("test-shell"), events::add);

        BackendSession session = launcher.start();

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(LauncherEvent.Starting.class);
        assertThat(events.get(1)).isEqualTo(new LauncherEvent.Ready(session));
        assertThat(get(session, "/health/", true)).isEqualTo(200);
        assertThat(get(session, "/health/", false)).isEqualTo(403);
        assertThat(session.bootstrapUrl("/items/")).startsWith(session.origin() + "/desktop-auth/bootstrap/?token=");
        ProcessHandle server = ProcessHandle.of(session.serverPid()).orElseThrow();
        ProcessHandle worker = ProcessHandle.of(session.workerPid().orElseThrow()).orElseThrow();
        assertThat(server.isAlive()).isTrue();
        assertThat(worker.isAlive()).isTrue();
        assertThat(server.info().command().orElseThrow()).startsWith(StagedTree.path().toString());

        launcher.stop();

        assertThat(server.isAlive()).isFalse();
        assertThat(worker.isAlive()).isFalse();
        assertThat(events.getLast()).isInstanceOf(LauncherEvent.Stopped.class);
        assertThat(events).noneMatch(e -> e instanceof LauncherEvent.ExitedUnexpectedly);
        assertThat(launcher.lastLogLines()).anyMatch(l -> l.contains("Backend exited cleanly"));
        assertThat(String.join("\n", launcher.lastLogLines())).doesNotContain(session.token());
    }

    /** D-055: no cache ships; the first start records one in app data, the next maps it, a new release records anew. */
    @Test
    @EnabledOnOs(OS.LINUX) // reads /proc
    void theFirstStartRecordsTheAotCacheInAppDataAndTheNextStartUsesIt() throws Exception {
        Path folder = Files.createDirectories(appData.resolve(AotCache.FOLDER));
        Path older = Files.writeString(folder.resolve("backend-0123456789abcdef.aot"), "an older release's cache");

        BackendSession first = startStaged();
        String recording = commandLine(first.serverPid());
        launcher.stop();

        List<Path> caches = list(folder);
        assertThat(caches).as("one finished cache, the older one and the recording gone").singleElement()
                .satisfies(cache -> assertThat(cache.getFileName().toString()).matches("backend-[0-9a-f]{16}\\.aot"));
        Path cache = caches.getFirst();
        assertThat(recording).contains("-XX:AOTCacheOutput=" + cache + ".recording");
        assertThat(Files.size(cache)).as("cache bytes").isGreaterThan(5_000_000);
        assertThat(older).doesNotExist();

        BackendSession second = startStaged();

        assertThat(commandLine(second.serverPid())).contains("-XX:AOTCache=" + cache).doesNotContain("AOTCacheOutput");
        assertThat(commandLine(second.workerPid().orElseThrow())).contains("-XX:AOTCache=" + cache);
        assertThat(Files.readString(Path.of("/proc", Long.toString(second.serverPid()), "maps")))
                .as("the server mapped the cache").contains(cache.toString());
        assertThat(get(second, "/health/", true)).isEqualTo(200);
        launcher.stop();
        assertThat(list(folder)).containsExactly(cache);
        assertThat(String.join("\n", launcher.lastLogLines())).as("no warning about the cache").doesNotContain("[aot]", "[cds]");
    }

    /** A recording whose server did not end cleanly is never used: the next start records again. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aKilledRecordingLeavesNoCache() throws Exception {
        BackendSession session = startStaged();

        ProcessHandle.of(session.serverPid()).orElseThrow().destroyForcibly();
        awaitEvent(LauncherEvent.ExitedUnexpectedly.class);
        launcher.stop();

        assertThat(list(appData.resolve(AotCache.FOLDER))).isEmpty();
        BackendSession next = startStaged();
        assertThat(commandLine(next.serverPid())).contains("-XX:AOTCacheOutput=");
        launcher.stop();
    }

    @Test
    void developmentModeRunsTheBackendFromItsBuildOutput() throws Exception {
        Path coreTarget = Path.of(System.getProperty("backend.build.dir"));
        BackendSource source = BackendSource.fromBuildOutput(coreTarget, "desktop-starter-core", "io.desktopstarter.core.Main");

        try (BackendLauncher launcher = new BackendLauncher(source, LaunchOptions.defaults().withAppDataDir(appData),
                events::add)) {
            BackendSession session = launcher.start();

            assertThat(source.mode()).isEqualTo("development");
            assertThat(get(session, "/health/", true)).isEqualTo(200);
            assertThat(ProcessHandle.of(session.serverPid()).orElseThrow().info().commandLine().orElseThrow())
                    .contains(coreTarget.toString());
        }
    }

    @Test
    void missingBuildOutputSaysWhatToBuild() {
        assertThatThrownBy(() -> BackendSource.fromBuildOutput(appData, "desktop-starter-core", "x.Main"))
                .hasMessageContaining("run ./mvnw -pl core package first");
    }

    @Test
    void backendThatNeverBecomesHealthyFailsWithinTheTimeout() throws Exception {
        BackendLauncher launcher = new BackendLauncher(fake("never-healthy"),
                LaunchOptions.defaults().withAppDataDir(appData).withStartTimeout(Duration.ofSeconds(3)), events::add);
        long started = System.nanoTime();

        assertThatThrownBy(launcher::start)
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("did not become healthy within 3 s (last health check: HTTP 503)");

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMs).as("failure reported by the deadline").isLessThan(8_000);
        assertThat(events.getLast()).isInstanceOfSatisfying(LauncherEvent.Failed.class,
                f -> assertThat(f.reason()).contains("did not become healthy"));
    }

    @Test
    void backendWithoutReadyLineFails() throws Exception {
        BackendLauncher launcher = new BackendLauncher(fake("silent"),
                LaunchOptions.defaults().withAppDataDir(appData).withStartTimeout(Duration.ofSeconds(2)), events::add);

        assertThatThrownBy(launcher::start).hasMessageContaining("did not report ready within 2 s");
    }

    @Test
    void backendThatExitsEarlyReportsItsCodeAndLastLines() throws Exception {
        BackendLauncher launcher = new BackendLauncher(fake("exit-early"),
                LaunchOptions.defaults().withAppDataDir(appData), events::add);

        assertThatThrownBy(launcher::start)
                .isInstanceOfSatisfying(LaunchException.class, e -> {
                    assertThat(e.getMessage()).contains("exited with code 3 before it was ready");
                    assertThat(e.lastLogLines()).contains("fake backend: cannot open the database (simulated)");
                });
        assertThat(events.getLast()).isInstanceOfSatisfying(LauncherEvent.Failed.class,
                f -> assertThat(f.lastLogLines()).contains("fake backend: cannot open the database (simulated)"));
    }

    @Test
    void strayOutputBeforeTheReadyLineIsTolerated() throws Exception {
        try (BackendLauncher launcher = new BackendLauncher(fake("garbage-first"),
                LaunchOptions.defaults().withAppDataDir(appData), events::add)) {
            BackendSession session = launcher.start();
            assertThat(session.port()).isPositive();
            assertThat(launcher.lastLogLines()).anyMatch(l -> l.contains("a JVM warning that went to stdout"));
        }
    }

    @Test
    void backendCrashAfterStartIsReportedOnce() throws Exception {
        try (BackendLauncher launcher = new BackendLauncher(BackendSource.staged(StagedTree.path()),
                LaunchOptions.defaults().withAppDataDir(appData), events::add)) {
            BackendSession session = launcher.start();

            ProcessHandle.of(session.serverPid()).orElseThrow().destroyForcibly();

            LauncherEvent.ExitedUnexpectedly exit = awaitEvent(LauncherEvent.ExitedUnexpectedly.class);
            assertThat(exit.role()).isEqualTo(LauncherEvent.Role.SERVER);
            assertThat(exit.exitCode()).isEqualTo(137);
        }
        assertThat(events.stream().filter(e -> e instanceof LauncherEvent.ExitedUnexpectedly)).hasSize(1);
    }

    @Test
    void exitEventsAreSuppressedWhileUpdating() throws Exception {
        try (BackendLauncher launcher = new BackendLauncher(BackendSource.staged(StagedTree.path()),
                LaunchOptions.defaults().withAppDataDir(appData), events::add)) {
            BackendSession session = launcher.start();
            launcher.suppressExitEvents(true);

            ProcessHandle.of(session.serverPid()).orElseThrow().destroyForcibly();

            LauncherEvent.ExitSuppressed exit = awaitEvent(LauncherEvent.ExitSuppressed.class);
            assertThat(exit.role()).isEqualTo(LauncherEvent.Role.SERVER);
            assertThat(exit.exitCode()).isEqualTo(137);
            assertThat(events).as("the launcher has handled the exit: it said so instead of reporting a crash")
                    .noneMatch(e -> e instanceof LauncherEvent.ExitedUnexpectedly);
        }
    }

    @Test
    void killingTheLauncherJvmTakesTheBackendDownWithinTwoSeconds() throws Exception {
        Process probe = new ProcessBuilder(StagedTree.testJava(), "-cp", System.getProperty("java.class.path"),
                "io.desktopstarter.staging.fixtures.LauncherProbe", StagedTree.path().toString(), appData.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = probe.inputReader(StandardCharsets.UTF_8);
            String line = out.readLine();
            Matcher m = Pattern.compile("\\{\"server\":(\\d+),\"worker\":(\\d+)}").matcher(String.valueOf(line));
            assertThat(m.matches()).as("probe output %s", line).isTrue();
            ProcessHandle server = ProcessHandle.of(Long.parseLong(m.group(1))).orElseThrow();
            ProcessHandle worker = ProcessHandle.of(Long.parseLong(m.group(2))).orElseThrow();

            probe.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no stop()
            long killed = System.nanoTime();

            // 2 s is the contract; the bound leaves room for a loaded CI machine.
            awaitExited(server, Duration.ofSeconds(4));
            awaitExited(worker, Duration.ofSeconds(4));
            System.out.println("launcher SIGKILL: backend gone after " + (System.nanoTime() - killed) / 1_000_000 + " ms");
        } finally {
            probe.destroyForcibly();
            probe.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private BackendLauncher launcher;

    private BackendSession startStaged() throws Exception {
        launcher = new BackendLauncher(BackendSource.staged(StagedTree.path()),
                LaunchOptions.defaults().withAppDataDir(appData), events::add);
        return launcher.start();
    }

    private static String commandLine(long pid) throws Exception {
        return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
    }

    private static List<Path> list(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /**
     * Orphans are re-parented to PID 1, and until it reaps them they are zombies, which
     * ProcessHandle still calls alive. A zombie has exited, which is what the contract is about.
     */
    private static void awaitExited(ProcessHandle process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(process)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process " + process.pid() + " still running after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static boolean running(ProcessHandle process) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        if (!java.nio.file.Files.exists(Path.of("/proc/self/stat"))) {
            return process.isAlive();
        }
        try {
            String text = java.nio.file.Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (java.io.IOException e) {
            return false; // gone from /proc: exited and reaped
        }
    }

    private BackendSource fake(String mode) {
        List<String> command = List.of(StagedTree.testJava(), "-cp", System.getProperty("java.class.path"),
                FakeBackend.class.getName(), mode);
        RuntimeManifest manifest = new RuntimeManifest(1, "fake", "0", "2026-11-23T00:00:00Z",
                new CommandSpec(command), new CommandSpec(command), "/health/", RuntimeManifest.ReadyLine.JSON,
                List.of(), List.of("java.base"), null, new TreeMap<>(Map.of()));
        return new BackendSource.Staged(appData, manifest);
    }

    private <T extends LauncherEvent> T awaitEvent(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (LauncherEvent e : events) {
                if (type.isInstance(e)) {
                    return type.cast(e);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + type.getSimpleName() + " event; got " + events);
    }

    private static int get(BackendSession session, String path, boolean withToken) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(session.origin() + path).toURL().openConnection();
        if (withToken) {
            c.setRequestProperty("X-Desktop-Token", session.token());
        }
        return c.getResponseCode();
    }
}
