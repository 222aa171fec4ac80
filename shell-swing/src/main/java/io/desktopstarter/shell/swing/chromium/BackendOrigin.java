package io.desktopstarter.shell.swing.chromium;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

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

    private final String scheme;
    private final String host;
    private final int port;

    /** @param origin e.g. {@code http://127.0.0.1:51234} */
    public BackendOrigin(String origin) {
        URI uri = URI.create(Objects.requireNonNull(origin, "origin"));
        if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("origin needs a scheme, host and port: " + origin);
        }
        this.scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        this.host = uri.getHost().toLowerCase(Locale.ROOT);
        this.port = uri.getPort();
    }

    public Resource decide(String url) {
        if (url == null) {
            return Resource.CANCEL;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:") || lower.startsWith("blob:" + scheme + "://" + host + ":" + port + "/")) {
            return Resource.LOCAL;
        }
        return matches(url) ? Resource.SEND_WITH_TOKEN : Resource.CANCEL;
    }

    /** Same scheme, host and port, no user info: {@code localhost} is not {@code 127.0.0.1} here. */
    public boolean matches(String url) {
        try {
            URI target = new URI(url.strip());
            return target.getScheme() != null && scheme.equals(target.getScheme().toLowerCase(Locale.ROOT))
                    && target.getRawUserInfo() == null
                    && target.getHost() != null && host.equals(target.getHost().toLowerCase(Locale.ROOT))
                    && port == effectivePort(target);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
