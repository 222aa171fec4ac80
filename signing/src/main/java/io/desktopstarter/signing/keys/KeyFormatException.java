package io.desktopstarter.signing.keys;

/** A key file that is not in the minisign format, or is damaged. */
public final class KeyFormatException extends Exception {
    public KeyFormatException(String message) {
        super(message);
    }
}
