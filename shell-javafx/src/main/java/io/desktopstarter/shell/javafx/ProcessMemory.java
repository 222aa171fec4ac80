package io.desktopstarter.shell.javafx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;

/** Resident memory of processes, for the smoke line. Linux reads /proc; elsewhere it reports 0. */
final class ProcessMemory {
    private ProcessMemory() {
    }

    static long rssKb(long... pids) {
        return LongStream.of(pids).map(ProcessMemory::rssKb).sum();
    }

    private static long rssKb(long pid) {
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
