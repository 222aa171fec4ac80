package io.desktopstarter.shell.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of the shell and every process it started, for the smoke line. Linux reads /proc; elsewhere it reports 0. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /**
     * This process and all its descendants: the backend's server and worker, and for the Swing
     * shell Chromium's helper processes too, so both shells are measured the same way.
     */
    public static long treeRssKb() {
        return Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .mapToLong(p -> rssKb(p.pid()))
                .sum();
    }

    static long rssKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
