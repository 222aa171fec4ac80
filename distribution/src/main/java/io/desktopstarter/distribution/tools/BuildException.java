package io.desktopstarter.distribution.tools;

/** A distribution step that cannot go on; the message says which and why. */
public final class BuildException extends Exception {
    public BuildException(String message) {
        super(message);
    }
}
