package io.desktopstarter.distribution.publish;

/** A release cannot be assembled from the OS jobs' builds; the message says which file and why. */
public final class PublishException extends Exception {
    public PublishException(String message) {
        super(message);
    }
}
