package io.desktopstarter.updater.download;

import io.desktopstarter.updater.policy.UrlPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Connection rules for update downloads.
 *
 * @param tls the trust store to verify servers against, asked for when a {@link Downloader} is made;
 *            {@link #defaults()} uses the operating system's ({@link SystemTrust}), tests pass a context
 *            that trusts their own CA
 */
public record DownloadSettings(Supplier<SSLContext> tls, Duration connectTimeout, Duration readTimeout, UrlPolicy urls,
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

    /** Reading the system store costs tens of milliseconds: done once, on the first download, never at app start. */
    private static final class SystemContext {
        static final SSLContext CONTEXT = SystemTrust.load().context();
    }

    public static DownloadSettings defaults() {
        return new DownloadSettings(() -> SystemContext.CONTEXT, Duration.ofSeconds(15), Duration.ofSeconds(30),
                UrlPolicy.HTTPS_ONLY, 5, "desktop-java-starter-updater");
    }

    public DownloadSettings withTls(SSLContext context) {
        Objects.requireNonNull(context, "context");
        return new DownloadSettings(() -> context, connectTimeout, readTimeout, urls, maxRedirects, userAgent);
    }

    /** The operating system's trust store plus {@code extra} (an administrator's CA for a mirror), read on first use. */
    public DownloadSettings alsoTrusting(SystemTrust.Anchors extra) {
        Objects.requireNonNull(extra, "extra");
        return new DownloadSettings(new ExtraContext(extra)::get, connectTimeout, readTimeout, urls, maxRedirects, userAgent);
    }

    /** The combined context, made once when the first download asks for it. */
    private static final class ExtraContext {
        private final SystemTrust.Anchors extra;
        private SSLContext context;

        ExtraContext(SystemTrust.Anchors extra) {
            this.extra = extra;
        }

        synchronized SSLContext get() {
            if (context == null) {
                context = SystemTrust.load().contextAlsoTrusting(extra);
            }
            return context;
        }
    }

    public DownloadSettings withReadTimeout(Duration timeout) {
        return new DownloadSettings(tls, connectTimeout, timeout, urls, maxRedirects, userAgent);
    }

    public DownloadSettings withUrls(UrlPolicy policy) {
        return new DownloadSettings(tls, connectTimeout, readTimeout, policy, maxRedirects, userAgent);
    }
}
