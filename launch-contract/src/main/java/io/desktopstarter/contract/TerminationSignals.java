package io.desktopstarter.contract;

/**
 * SIGTERM and Ctrl+C (INT) run {@code stop} instead of the JVM's default, which runs the shutdown
 * hooks and exits 143 / 130 whatever they did: the backend drains and exits 0, a shell quits as
 * its menu does. Calling it again replaces the handlers: native code may take them over (Chromium
 * does when it starts) and the shell then claims them back. Where a signal does not exist
 * (Windows has no TERM), the shutdown hooks still stop the process.
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
                // not a signal on this OS
            }
        }
    }
}
