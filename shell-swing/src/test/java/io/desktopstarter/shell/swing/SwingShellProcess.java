package io.desktopstarter.shell.swing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The shell jar started as a user starts it, on this JVM's X display, with its own app-data. */
final class SwingShellProcess {
    private SwingShellProcess() {
    }

    static Process start(Path appData, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("shell.jar"), "--backend=" + System.getProperty("stage.dir")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DESKTOP_STARTER_APP_DATA_DIR", appData.toString());
        return builder.start();
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
        ProcessHandle.allProcesses()
                .filter(p -> {
                    String c = commandLine(p);
                    return c.contains(profile) || (c.contains("io.desktopstarter.core.Main") && processEnvironmentMentions(p, database));
                })
                .filter(SwingShellProcess::running)
                .forEach(p -> alive.add(p.pid() + " " + commandLine(p).substring(0, Math.min(160, commandLine(p).length()))));
        return alive;
    }

    /**
     * From /proc: ProcessHandle.Info has no command line for Chromium's helpers (their argument
     * lists are long), so it would not see them at all.
     */
    static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
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

    /** A zombie waiting for PID 1 to reap it has exited; /proc tells (ProcessHandle does not). */
    static boolean running(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitLog(Path appData, String file, String text) throws Exception {
        Path log = appData.resolve("logs").resolve(file);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' in " + log);
    }
}
