package io.desktopstarter.core.http;

/** Ends a request with a status code and a short message meant for the user. */
public final class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
