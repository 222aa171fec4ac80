package io.desktopstarter.shell.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Where a URL may be shown: the backend's own origin stays in the window; web and mail links go
 * to the OS; everything else (file:, javascript:, data:, custom schemes) is blocked, and so are
 * other loopback origins: a page that sends the user's browser to another local service is how
 * localhost CSRF works.
 */
public final class NavigationPolicy {
    private static final Set<String> EXTERNAL_SCHEMES = Set.of("http", "https", "mailto");

    /** What to do with a navigation. */
    public enum Decision { STAY, OPEN_EXTERNALLY, BLOCK }

    private final Origin origin;

    /** @param origin the backend origin, e.g. {@code http://127.0.0.1:51234} */
    public NavigationPolicy(String origin) {
        this.origin = new Origin(origin);
    }

    public Decision decide(String url) {
        if (url == null || url.isBlank()) {
            return Decision.BLOCK;
        }
        URI target;
        try {
            target = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Decision.BLOCK;
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (origin.matches(target)) {
            return Decision.STAY;
        }
        if (scheme.equals("about") && "blank".equalsIgnoreCase(target.getSchemeSpecificPart())) {
            return Decision.STAY;
        }
        if (EXTERNAL_SCHEMES.contains(scheme) && (scheme.equals("mailto") || target.getHost() != null)
                && target.getUserInfo() == null && !loopback(target.getHost())) {
            return Decision.OPEN_EXTERNALLY;
        }
        return Decision.BLOCK;
    }

    private static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("[::1]")
                || h.equals("0.0.0.0") || h.equals("[::]");
    }
}
