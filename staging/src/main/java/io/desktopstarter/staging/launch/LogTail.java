package io.desktopstarter.staging.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/** Keeps the last N output lines of the backend processes, for error dialogs. */
final class LogTail {
    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    LogTail(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }

    /** Reads {@code reader} to its end on a daemon thread; each line goes to the tail and to {@code also}. */
    Thread pump(String name, BufferedReader reader, Consumer<String> also) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null; ) {
                    add(line);
                    also.accept(line);
                }
            } catch (IOException ignored) {
                // The process ended; what was read is kept.
            }
        });
    }
}
