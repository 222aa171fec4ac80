package io.desktopstarter.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the backend when the shell that started it is gone, so a killed shell never leaves an
 * orphan server. Polls rather than relying on {@code onExit()} because the parent is not our
 * child, and compares start times so a recycled PID does not keep us alive.
 */
public final class ParentWatchdog {
    static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(ParentWatchdog.class);

    private ParentWatchdog() {
    }

    /** Starts a daemon thread that runs {@code onParentGone} once, when {@code pid} is no longer alive. */
    public static Thread watch(long pid, Runnable onParentGone) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        Optional<Instant> startedAt = parent.flatMap(p -> p.info().startInstant());
        return Thread.ofPlatform().daemon().name("parent-watchdog").start(() -> {
            while (alive(pid, startedAt)) {
                try {
                    Thread.sleep(INTERVAL);
                } catch (InterruptedException e) {
                    return;
                }
            }
            LOG.warn("Parent process {} is gone; shutting down", pid);
            onParentGone.run();
        });
    }

    static boolean alive(long pid, Optional<Instant> startedAt) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        if (startedAt.isEmpty()) {
            return true;
        }
        return handle.get().info().startInstant().map(startedAt.get()::equals).orElse(true);
    }
}
