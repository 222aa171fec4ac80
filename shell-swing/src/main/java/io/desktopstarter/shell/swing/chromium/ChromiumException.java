package io.desktopstarter.shell.swing.chromium;

/** Chromium could not be prepared or started; the message is for the user. */
public final class ChromiumException extends Exception {
    public ChromiumException(String message) {
        super(message);
    }

    public ChromiumException(String message, Throwable cause) {
        super(message, cause);
    }
}
