package io.desktopstarter.core.lifecycle;

/**
 * SIGTERM and Ctrl+C (INT) do what the shutdown request does: the process drains and exits 0.
 * Left to the JVM they would run the shutdown hooks and exit 143 / 130 whatever the hooks did.
 */
public final class TerminationSignals {
    private TerminationSignals() {
    }

    @SuppressWarnings("removal")
    public static void onTerminate(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Not a signal on this OS; the shutdown hook still stops the process gracefully.
            }
        }
    }
}
