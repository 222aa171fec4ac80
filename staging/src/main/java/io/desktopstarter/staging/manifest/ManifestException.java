package io.desktopstarter.staging.manifest;

/** The manifest is missing, unreadable or does not describe a usable staged tree. */
public final class ManifestException extends Exception {
    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
