package io.desktopstarter.shell.javafx;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.testkit.ShellProcesses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quit and crash paths of a running (headless) shell process. */
class ShellLifecycleIT {
    @TempDir
    Path appData;

    @Test
    void sigtermQuitsCleanlyWithExitZeroAndNoProcessLeft() throws Exception {
        Instant started = Instant.now();
        Process shell = start("--splash-min-ms=0");
        try {
            awaitLog("Serving on 127.0.0.1:");
            awaitLog("Task worker started", "worker.log");

            shell.toHandle().destroy(); // SIGTERM

            assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(shell.exitValue()).isZero();
            assertThat(Files.readString(appData.resolve("logs/backend.log"))).contains("Backend exited cleanly");
            assertThat(Files.readString(appData.resolve("logs/worker.log"))).contains("Task worker stopped");
            assertThat(appData.resolve("window-javafx.properties")).exists();
            assertThat(ShellProcessIT.stagedBackendProcessesSince(started)).isEmpty();
        } finally {
            shell.destroyForcibly();
        }
    }

    @Test
    void secondLaunchHandsOffToTheRunningShellAndExitsZero() throws Exception {
        Process first = start("--splash-min-ms=0");
        try {
            awaitLog("Serving on 127.0.0.1:");

            Process second = start();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).isZero();
            assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("already running");
            assertThat(first.isAlive()).isTrue();
        } finally {
            first.toHandle().destroy();
            first.waitFor(30, TimeUnit.SECONDS);
            first.destroyForcibly();
        }
    }

    @Test
    void backendCrashAfterStartEndsTheShellWithExitFourAndNoProcessLeft() throws Exception {
        Instant started = Instant.now();
        Process shell = start("--smoke", "--smoke-idle-ms=60000");
        try {
            awaitLog("Serving on 127.0.0.1:");
            // The launcher starts the worker only after the health check: from here on it is a crash, not a failed start.
            awaitLog("Task worker started", "worker.log");
            long serverPid = backendPid();

            ProcessHandle.of(serverPid).orElseThrow().destroyForcibly();

            assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(shell.exitValue()).isEqualTo(4);
            assertThat(new String(shell.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("server process stopped unexpectedly");
            assertThat(ShellProcessIT.stagedBackendProcessesSince(started)).isEmpty();
        } finally {
            shell.destroyForcibly();
        }
    }

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dglass.platform=Headless", "-Dprism.order=sw", "--enable-native-access=ALL-UNNAMED",
                "-jar", System.getProperty("shell.jar"), "--backend=" + System.getProperty("stage.dir")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DESKTOP_STARTER_APP_DATA_DIR", appData.toString());
        return builder.start();
    }

    private void awaitLog(String text) throws Exception {
        awaitLog(text, "backend.log");
    }

    private void awaitLog(String text, String file) throws Exception {
        ShellProcesses.awaitLog(appData, file, text);
    }

    /** The server's PID, from the log line the backend writes when it starts serving. */
    private long backendPid() throws Exception {
        String log = Files.readString(appData.resolve("logs/backend.log"));
        Matcher port = Pattern.compile("Serving on 127\\.0\\.0\\.1:(\\d+)").matcher(log);
        assertThat(port.find()).isTrue();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("io.desktopstarter.core.Main")
                        && !c.contains("--worker")).orElse(false))
                .filter(p -> p.info().startInstant().map(s -> s.isAfter(Instant.now().minusSeconds(120))).orElse(false))
                .filter(ShellProcesses::running)
                .mapToLong(ProcessHandle::pid)
                .max().orElseThrow();
    }
}
