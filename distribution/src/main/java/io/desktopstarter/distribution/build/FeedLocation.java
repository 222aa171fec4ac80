package io.desktopstarter.distribution.build;

import io.desktopstarter.distribution.tools.BuildException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The update feed URL a build writes into the app. Installed copies fetch it for years, so the build
 * refuses what they could not safely use: anything but an absolute https URL of a feed file. Plain
 * http is accepted only for a loopback host and only when a test asks ({@code -Drelease.allowLoopbackFeed=true}).
 */
public final class FeedLocation {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private FeedLocation() {
    }

    public static URI check(String url, boolean allowLoopbackHttp) throws BuildException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new BuildException("the update feed URL '" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getPath() == null || !uri.getPath().endsWith(".json") || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new BuildException("the update feed URL '" + url + "' must be an absolute URL of a .json feed, without "
                    + "user info, query or fragment (-Drelease.feedUrl)");
        }
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http") && LOOPBACK.contains(host)) {
            if (allowLoopbackHttp) {
                return uri;
            }
            throw new BuildException("the update feed URL '" + url + "' is plain http: only tests may build that, with "
                    + "-Drelease.allowLoopbackFeed=true");
        }
        throw new BuildException("the update feed URL '" + url + "' is not https: installed copies would fetch updates "
                + "unprotected (-Drelease.feedUrl=https://…)");
    }
}
