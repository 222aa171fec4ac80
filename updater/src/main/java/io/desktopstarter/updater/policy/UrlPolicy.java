package io.desktopstarter.updater.policy;

import java.net.URI;
import java.util.Locale;

/**
 * Which URLs the updater may fetch: HTTPS only. Plain HTTP to {@code 127.0.0.1} exists for tests and
 * must be switched on explicitly; it is never on in a shipped app.
 */
public record UrlPolicy(boolean allowHttpLoopback) {
    public static final UrlPolicy HTTPS_ONLY = new UrlPolicy(false);

    public boolean allows(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return url.getHost() != null;
        }
        return allowHttpLoopback && scheme.equals("http") && "127.0.0.1".equals(url.getHost());
    }
}
