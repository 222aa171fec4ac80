package io.desktopstarter.minisign;

/** A key or signature file that is not in the minisign format. */
public final class MinisignFormatException extends Exception {
    public MinisignFormatException(String message) {
        super(message);
    }
}
