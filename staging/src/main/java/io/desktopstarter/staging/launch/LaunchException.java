package io.desktopstarter.staging.launch;

import java.util.List;

/** The backend did not become ready; carries the reason and the last log lines for the user. */
public final class LaunchException extends Exception {
    private final List<String> lastLogLines;

    public LaunchException(String reason, List<String> lastLogLines) {
        super(reason);
        this.lastLogLines = List.copyOf(lastLogLines);
    }

    public List<String> lastLogLines() {
        return lastLogLines;
    }
}
