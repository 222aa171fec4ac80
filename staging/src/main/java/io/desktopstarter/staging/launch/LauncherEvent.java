package io.desktopstarter.staging.launch;

import java.util.List;

/** What the launcher tells the shell, in order: Starting, then Ready or Failed; later maybe ExitedUnexpectedly (or, while updating, ExitSuppressed); Stopped. */
public sealed interface LauncherEvent {
    record Starting(String source) implements LauncherEvent {
    }

    record Ready(BackendSession session) implements LauncherEvent {
    }

    /** The backend could not be started; {@code lastLogLines} are its last output lines, for the error dialog. */
    record Failed(String reason, List<String> lastLogLines) implements LauncherEvent {
        public Failed {
            lastLogLines = List.copyOf(lastLogLines);
        }
    }

    /** A backend process ended while nobody asked it to. Not sent while stopping or updating. */
    record ExitedUnexpectedly(Role role, int exitCode, List<String> lastLogLines) implements LauncherEvent {
        public ExitedUnexpectedly {
            lastLogLines = List.copyOf(lastLogLines);
        }
    }

    /** A backend process ended while an update replaces the app ({@link BackendLauncher#suppressExitEvents}): expected, not an error. */
    record ExitSuppressed(Role role, int exitCode) implements LauncherEvent {
    }

    record Stopped() implements LauncherEvent {
    }

    /** Which of the two backend processes. */
    enum Role { SERVER, WORKER }
}
