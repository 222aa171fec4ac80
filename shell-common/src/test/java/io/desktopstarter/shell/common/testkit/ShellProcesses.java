package io.desktopstarter.shell.common.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** For the shells' process tests: what is still running, what a process was started with, what the logs say. */
public final class ShellProcesses {
    private ShellProcesses() {
    }

    /** A zombie waiting for PID 1 to reap it has exited; /proc tells (ProcessHandle does not). */
    public static boolean running(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * From /proc: ProcessHandle.Info has no command line for processes with long argument lists
     * (Chromium's helpers), so a check through it would not see them at all.
     */
    public static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits up to 90 s for {@code text} in {@code <appData>/logs/<file>}. */
    public static void awaitLog(Path appData, String file, String text) throws Exception {
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
