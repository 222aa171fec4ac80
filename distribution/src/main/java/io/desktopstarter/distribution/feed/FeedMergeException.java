package io.desktopstarter.distribution.feed;

/** Feed parts that cannot be merged into one trustworthy feed; the message says which and why. */
public final class FeedMergeException extends Exception {
    public FeedMergeException(String message) {
        super(message);
    }
}
