package io.desktopstarter.updater.download;

import io.desktopstarter.updater.policy.UrlPolicy;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Connection rules for update downloads.
 *
 * @param tls the trust store to verify servers against; {@link #defaults()} uses the runtime's (system) one,
 *            tests pass a context that trusts their own CA
 */
public record DownloadSettings(SSLContext tls, Duration connectTimeout, Duration readTimeout, UrlPolicy urls,
        int maxRedirects, String userAgent) {
    public DownloadSettings {
        Objects.requireNonNull(tls, "tls");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxRedirects < 0 || maxRedirects > 10) {
            throw new IllegalArgumentException("maxRedirects must be 0..10");
        }
    }

    public static DownloadSettings defaults() {
        try {
            return new DownloadSettings(SSLContext.getDefault(), Duration.ofSeconds(15), Duration.ofSeconds(30),
                    UrlPolicy.HTTPS_ONLY, 5, "desktop-java-starter-updater");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the runtime has no default TLS context", e);
        }
    }

    public DownloadSettings withTls(SSLContext context) {
        return new DownloadSettings(context, connectTimeout, readTimeout, urls, maxRedirects, userAgent);
    }

    public DownloadSettings withReadTimeout(Duration timeout) {
        return new DownloadSettings(tls, connectTimeout, timeout, urls, maxRedirects, userAgent);
    }

    public DownloadSettings withUrls(UrlPolicy policy) {
        return new DownloadSettings(tls, connectTimeout, readTimeout, policy, maxRedirects, userAgent);
    }
}
