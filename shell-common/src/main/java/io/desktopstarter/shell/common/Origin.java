package io.desktopstarter.shell.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact web origin: scheme, host and port. {@code localhost} is not {@code 127.0.0.1} here,
 * and a URL with user info never matches (it is how an origin is faked in a link's text).
 */
public final class Origin {
    private final String scheme;
    private final String host;
    private final int port;

    /** @param origin e.g. {@code http://127.0.0.1:51234} */
    public Origin(String origin) {
        URI uri = URI.create(Objects.requireNonNull(origin, "origin"));
        if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("origin needs a scheme, host and port: " + origin);
        }
        this.scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        this.host = uri.getHost().toLowerCase(Locale.ROOT);
        this.port = uri.getPort();
    }

    public boolean matches(String url) {
        if (url == null) {
            return false;
        }
        try {
            return matches(new URI(url.strip()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public boolean matches(URI target) {
        return target.getScheme() != null && scheme.equals(target.getScheme().toLowerCase(Locale.ROOT))
                && target.getRawUserInfo() == null
                && target.getHost() != null && host.equals(target.getHost().toLowerCase(Locale.ROOT))
                && port == effectivePort(target);
    }

    /** {@code scheme://host:port}, lower case. */
    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
