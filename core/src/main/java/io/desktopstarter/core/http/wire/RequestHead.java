package io.desktopstarter.core.http.wire;

import java.util.Optional;

/**
 * A request line and its headers, checked for framing but not interpreted: nothing here is
 * decoded, so the auth rules can run before any parsing of the path, query, cookies or body.
 *
 * @param rawPath the target up to {@code ?}, still percent-encoded
 * @param rawQuery the part after {@code ?}, still encoded
 * @param contentLength the declared body length (0 when absent)
 */
public record RequestHead(String method, String rawPath, Optional<String> rawQuery, String version, HeaderFields headers,
        long contentLength) {

    /** HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes. */
    public boolean keepAlive() {
        return version.equals("HTTP/1.1") && !headers.lists("Connection", "close");
    }

    public boolean expectsContinue() {
        return headers.lists("Expect", "100-continue");
    }
}
