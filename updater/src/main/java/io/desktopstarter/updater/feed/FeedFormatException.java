package io.desktopstarter.updater.feed;

/** A feed (or key list) that does not follow the format; the message names the field and the problem. */
public final class FeedFormatException extends Exception {
    public FeedFormatException(String message) {
        super(message);
    }
}
