package io.desktopstarter.shell.swing;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.testkit.ShellProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Swing shell as a user starts it: a process on an X display (Xvfb), Chromium, the really staged backend. */
class SwingShellProcessIT {
    static final Pattern SMOKE = Pattern.compile("\\{\"event\":\"smoke\",\"shell\":\"swing\",\"splash_ms\":(\\d+),"
            + "\"healthy_ms\":(\\d+),\"first_page_ms\":(\\d+),\"rss_kb\":(\\d+)}");

    @TempDir
    static Path shared;
    /** Chromium unpacked once for the tests that are not about unpacking (as an installer ships it). */
    static List<String> preExtracted;

    @TempDir
    Path appData;

    @BeforeAll
    static void unpackOnce() throws Exception {
        preExtracted = SwingShellProcess.preExtracted(shared.resolve("jcef"));
    }

    @Test
    void firstStartUnpacksChromiumIntoAppDataLoadsTheFirstPageAndLeavesNoProcess() throws Exception {
        Process shell = SwingShellProcess.start(appData, List.of(), "--smoke");
        assertThat(shell.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String out = SwingShellProcess.stdout(appData);
        String err = SwingShellProcess.stderr(appData);

        assertThat(shell.exitValue()).as("stderr: %s", err).isZero();
        Matcher m = SMOKE.matcher(out.strip());
        assertThat(m.matches()).as("stdout is the smoke line alone: %s", out).isTrue();
        assertThat(Long.parseLong(m.group(3))).isGreaterThanOrEqualTo(Long.parseLong(m.group(2)));
        assertThat(Long.parseLong(m.group(4))).isPositive();
        System.out.println("swing smoke (first start, unpacking): " + out.strip());
        try (var bundles = Files.list(appData.resolve("cache/jcef"))) {
            List<Path> dirs = bundles.toList();
            assertThat(dirs).hasSize(1); // no scratch directory left behind
            assertThat(dirs.get(0).resolve("install.lock")).exists();
            assertThat(dirs.get(0).resolve("libcef.so")).exists();
        }
        assertThat(appData.resolve("chromium")).isDirectory(); // profile and cache in app-data
        assertThat(appData.resolve("logs/chromium.log")).exists();
        assertThat(appData.resolve("window-swing.properties")).exists();
        assertThat(Files.readString(appData.resolve("logs/backend.log"))).contains("Backend exited cleanly");
        assertThat(SwingShellProcess.leftoversAfter(appData, Duration.ofSeconds(15))).isEmpty();
    }

    @Test
    void sigtermSavesTheWindowStopsBackendAndChromiumAndExitsZero() throws Exception {
        Process shell = startedWithPage("--splash-min-ms=0");
        try {
            awaitStderr("first page shown after");

            shell.toHandle().destroy(); // SIGTERM

            assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(shell.exitValue()).isZero();
            assertThat(appData.resolve("window-swing.properties")).exists();
            assertThat(Files.readString(appData.resolve("logs/backend.log"))).contains("Backend exited cleanly");
            assertThat(SwingShellProcess.leftoversAfter(appData, Duration.ofSeconds(15))).isEmpty();
        } finally {
            shell.destroyForcibly();
        }
    }

    @Test
    void backendCrashEndsTheShellWithExitFourAndNoProcessLeft() throws Exception {
        Process shell = startedWithPage("--smoke", "--smoke-idle-ms=120000");
        try {
            ProcessHandle server = shell.toHandle().children()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("io.desktopstarter.core.Main")
                            && !c.contains("--worker")).orElse(false))
                    .findFirst().orElseThrow();

            server.destroyForcibly();

            assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(shell.exitValue()).isEqualTo(4);
            assertThat(SwingShellProcess.stderr(appData)).contains("server process stopped unexpectedly");
            assertThat(SwingShellProcess.leftoversAfter(appData, Duration.ofSeconds(15))).isEmpty();
        } finally {
            shell.destroyForcibly();
        }
    }

    @Test
    void killedShellTakesChromiumHelpersAndBackendWithIt() throws Exception {
        Process shell = startedWithPage("--splash-min-ms=0");
        try {
            assertThat(SwingShellProcess.leftovers(appData)).hasSizeGreaterThanOrEqualTo(4); // server, worker, helpers

            shell.toHandle().destroyForcibly(); // SIGKILL: nothing of ours runs

            assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(SwingShellProcess.leftoversAfter(appData, Duration.ofSeconds(20))).isEmpty();
        } finally {
            shell.destroyForcibly();
        }
    }

    @Test
    void unsupportedPlatformIsASetupErrorThatSaysWhatToUse() throws Exception {
        Process shell = SwingShellProcess.start(appData, List.of("-Dos.arch=sparcv9"), "--smoke");
        assertThat(shell.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = SwingShellProcess.stderr(appData);

        assertThat(shell.exitValue()).isEqualTo(2);
        assertThat(err).contains("has no build for").contains("sparcv9").contains("JavaFX shell");
        assertThat(SwingShellProcess.leftoversAfter(appData, Duration.ofSeconds(15))).isEmpty();
    }

    /** The shell on the pre-unpacked Chromium, once its worker runs and Chromium has a renderer (a page). */
    private void awaitStderr(String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!SwingShellProcess.stderr(appData).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' on the shell's stderr: " + SwingShellProcess.stderr(appData));
            }
            Thread.sleep(100);
        }
    }

    private Process startedWithPage(String... args) throws Exception {
        Process shell = SwingShellProcess.start(appData, preExtracted, args);
        try {
            ShellProcesses.awaitLog(appData, "worker.log", "Task worker started");
            awaitChromiumRenderer(shell);
            return shell;
        } catch (Exception | AssertionError e) {
            shell.destroyForcibly();
            throw e;
        }
    }

    private void awaitChromiumRenderer(Process shell) throws InterruptedException {
        String profile = "--user-data-dir=" + appData.resolve("chromium");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            boolean renderer = ProcessHandle.allProcesses().map(ShellProcesses::commandLine)
                    .anyMatch(c -> c.contains(profile) && c.contains("--type=renderer"));
            if (renderer) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no Chromium renderer for " + appData + "\n" + SwingShellProcess.diagnostics(shell, appData));
    }
}
