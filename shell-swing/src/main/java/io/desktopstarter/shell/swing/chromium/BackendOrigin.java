package io.desktopstarter.shell.swing.chromium;

import io.desktopstarter.shell.common.Origin;
import java.util.Locale;

/**
 * The backend's exact origin (scheme, host, port) and what a sub-resource request may do: only
 * requests to that origin carry the token, and requests to anywhere else are cancelled, so the
 * window makes no network request but to the backend.
 */
public final class BackendOrigin {
    /** What to do with one resource request. */
    public enum Resource {
        /** To the backend's origin: send, with the token header. */
        SEND_WITH_TOKEN,
        /** Never leaves the process ({@code data:}, {@code blob:}): allowed, no token. */
        LOCAL,
        /** Anything else: cancelled before it leaves. */
        CANCEL
    }

    private final Origin origin;
    private final String blobPrefix;

    /** @param origin e.g. {@code http://127.0.0.1:51234} */
    public BackendOrigin(String origin) {
        this.origin = new Origin(origin);
        this.blobPrefix = "blob:" + this.origin + "/";
    }

    public Resource decide(String url) {
        if (url == null) {
            return Resource.CANCEL;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:") || lower.startsWith(blobPrefix)) {
            return Resource.LOCAL;
        }
        return origin.matches(url) ? Resource.SEND_WITH_TOKEN : Resource.CANCEL;
    }
}
