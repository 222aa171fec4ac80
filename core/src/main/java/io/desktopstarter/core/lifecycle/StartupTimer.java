package io.desktopstarter.core.lifecycle;

import java.util.ArrayList;
import java.util.List;

/** Milliseconds from {@code main} to each start-up phase, for one debug log line (see docs/benchmarks.md). */
public final class StartupTimer {
    private static final long ORIGIN = System.nanoTime();
    private static final List<String> MARKS = new ArrayList<>();

    private StartupTimer() {
    }

    /** Touching the class fixes the origin; call first thing in {@code main}. */
    public static void start() {
        mark("main");
    }

    public static synchronized void mark(String phase) {
        MARKS.add(phase + " " + (System.nanoTime() - ORIGIN) / 1_000_000);
    }

    public static synchronized String summary() {
        return String.join(", ", MARKS);
    }
}
