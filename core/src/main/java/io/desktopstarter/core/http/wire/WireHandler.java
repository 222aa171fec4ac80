package io.desktopstarter.core.http.wire;

import java.io.IOException;

/** The application side of the server: one call per request, the body read only on demand. */
@FunctionalInterface
public interface WireHandler {
    WireResponse handle(RequestHead head, RequestBody body) throws IOException, WireException;
}
