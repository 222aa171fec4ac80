package io.desktopstarter.core.http.wire;

/**
 * A request the server refuses before any handler sees it: malformed framing, too large, too
 * slow. The reason is a fixed phrase for the log; it never echoes request bytes.
 */
public final class WireException extends Exception {
    private final int status;

    public WireException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
