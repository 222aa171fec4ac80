package io.desktopstarter.shell.swing;

import io.desktopstarter.contract.ShellPackaging;
import io.desktopstarter.shell.common.testkit.ShellProcesses;
import io.desktopstarter.shell.swing.chromium.NativeBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shell jar started as a user starts it, on this JVM's X display, with its own app-data. */
final class SwingShellProcess {
    private SwingShellProcess() {
    }

    static Process start(Path appData, List<String> jvmOptions, String... args) throws IOException {
        return start(appData, jvmOptions, Map.of(), args);
    }

    /** As {@link #start(Path, List, String...)}, with {@code environment} added to this JVM's. */
    static Process start(Path appData, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("shell.jar"), "--backend=" + System.getProperty("stage.dir")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DESKTOP_STARTER_APP_DATA_DIR", appData.toString());
        builder.environment().putAll(environment);
        // Files, not pipes: nobody drains a pipe while the test waits, and Chromium's helpers keep
        // writing to the shell's stderr after it exits (a pipe read would wait for all of them).
        builder.redirectOutput(appData.resolve(STDOUT).toFile()).redirectError(appData.resolve(STDERR).toFile());
        return builder.start();
    }

    /**
     * Chromium unpacked once into {@code dir}, as an installer ships it: the JVM option that points a shell
     * at it, for the tests that are not about unpacking.
     */
    static List<String> preExtracted(Path dir) throws Exception {
        Path bundle = NativeBundle.ready(dir, fraction -> { });
        String property = ShellPackaging.fromClassPath(SwingShellProcess.class.getClassLoader()).natives().orElseThrow().property();
        return List.of("-D" + property + "=" + bundle);
    }

    private static final String STDOUT = "shell-stdout.txt";
    private static final String STDERR = "shell-stderr.txt";

    /** What the shell started for {@code appData} printed on stdout so far. */
    static String stdout(Path appData) throws IOException {
        return Files.readString(appData.resolve(STDOUT), StandardCharsets.UTF_8);
    }

    static String stderr(Path appData) throws IOException {
        return Files.readString(appData.resolve(STDERR), StandardCharsets.UTF_8);
    }

    /** For a failure message: is the shell alive, and the last lines of its stderr and Chromium's log. */
    static String diagnostics(Process shell, Path appData) {
        StringBuilder text = new StringBuilder("shell ").append(shell.isAlive() ? "running" : "exited " + shell.exitValue());
        for (Path log : List.of(appData.resolve(STDERR), appData.resolve("logs/chromium.log"), appData.resolve("logs/backend.log"))) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                text.append("\n--- ").append(log.getFileName()).append(" (last 20 lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
            } catch (IOException | RuntimeException e) {
                text.append("\n--- ").append(log.getFileName()).append(": ").append(e.getMessage());
            }
        }
        return text.toString();
    }

    /**
     * Processes this app-data's shell left behind that have not exited: the staged backend (server,
     * worker) and Chromium's helpers (zygotes, GPU, network, renderers), found by the profile path on
     * their command line.
     */
    static List<String> leftovers(Path appData) {
        String profile = "--user-data-dir=" + appData.resolve("chromium");
        String database = appData.toString();
        List<String> alive = new ArrayList<>();
        ProcessHandle.allProcesses().filter(ShellProcesses::running).forEach(p -> {
            String c = ShellProcesses.commandLine(p);
            if (c.contains(profile) || (c.contains("io.desktopstarter.core.Main") && processEnvironmentMentions(p, database))) {
                alive.add(p.pid() + " " + c.substring(0, Math.min(160, c.length())));
            }
        });
        return alive;
    }

    /** Waits up to {@code timeout} for the leftovers to go (Chromium's helpers end when their pipe closes). */
    static List<String> leftoversAfter(Path appData, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> left = leftovers(appData);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = leftovers(appData);
        }
        return left;
    }

    private static boolean processEnvironmentMentions(ProcessHandle p, String text) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ"))).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
