package io.desktopstarter.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/**
 * Waiting, with a deadline, for a condition no event reports: a line in another process's log file,
 * a process that has gone, a request a server recorded. Where the code under test has an event
 * (a listener, a future, a line on a pipe), wait for that instead. Never a fixed sleep followed by
 * an assertion that something did not happen: that also passes when nothing ran.
 */
public final class Eventually {
    static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code what} once {@code timeout} has passed. */
    public static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        await(timeout, condition, () -> what);
    }

    /** As {@link #await(Duration, BooleanSupplier, String)}; {@code what} is asked at the deadline (e.g. for what was seen). */
    public static void await(Duration timeout, BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                Assertions.fail("not within " + timeout.toMillis() + " ms: " + what.get());
            }
            Thread.sleep(POLL);
        }
    }

    /**
     * As {@link #await(Duration, BooleanSupplier, Supplier)} for a condition that may throw (a driver's call, a file
     * read): an exception fails the wait at once, it is never read as "not yet".
     */
    public static void awaitCall(Duration timeout, Callable<Boolean> condition, Supplier<String> what) throws InterruptedException {
        await(timeout, () -> {
            try {
                return condition.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, what);
    }
}
