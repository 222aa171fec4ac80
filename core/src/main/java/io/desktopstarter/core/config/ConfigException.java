package io.desktopstarter.core.config;

/** A setting the backend cannot start with; the message tells the user what to change. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
