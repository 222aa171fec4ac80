package io.desktopstarter.staging.build;

/** Staging could not produce a complete tree; the message says which step and why. */
public final class StageException extends Exception {
    public StageException(String message) {
        super(message);
    }

    public StageException(String message, Throwable cause) {
        super(message, cause);
    }
}
