package io.desktopstarter.shell.common;

import java.util.List;

/** The part of a shell that is JavaFX or Swing: everything else is in {@link ShellBoot}. */
public interface ShellToolkit {
    /** Shows the UI and blocks until it has quit; returns the process exit code ({@link ExitCode}). */
    int run(ShellContext context);

    /** Another launch handed over its arguments: bring the window forward. Any thread. */
    void handOff(List<String> args);

    /** SIGTERM/SIGINT: quit like the menu does. Any thread. */
    void terminateRequested();
}
