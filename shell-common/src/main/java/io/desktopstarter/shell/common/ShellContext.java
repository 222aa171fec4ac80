package io.desktopstarter.shell.common;

import io.desktopstarter.shell.common.automation.Automation;
import io.desktopstarter.staging.launch.BackendSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link ShellBoot} decided before the UI toolkit started, and the backend start already under way.
 *
 * @param stdout the process's standard output, kept for machine-read lines (the smoke line): by the
 *               time a toolkit runs, {@code System.out} goes to stderr, so libraries that print
 *               (JCEF does) cannot mix into it
 * @param automation the test driver ({@link Automation#off()} unless asked for): the shell reports to its
 *                   events and attaches its main window
 */
public record ShellContext(String shell, ShellArgs args, BackendSource source, Path appData, Instant processStart,
        BackendStart backend, PrintStream stdout, Automation automation) {
    public ShellContext {
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(appData, "appData");
        Objects.requireNonNull(processStart, "processStart");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(automation, "automation");
    }

    /** Milliseconds since the process started (the smoke line's clock). */
    public long sinceStart() {
        return Duration.between(processStart, Instant.now()).toMillis();
    }

    /** The app's version from the shell jar's manifest; {@code 0.0.0} when run from classes. */
    public static String version(Class<?> shellClass) {
        return Objects.requireNonNullElse(shellClass.getPackage().getImplementationVersion(), "0.0.0");
    }
}
