package io.desktopstarter.updater.policy;

import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.Verification;
import io.desktopstarter.updater.feed.FeedFormatException;
import io.desktopstarter.updater.feed.FeedParser;
import io.desktopstarter.updater.feed.PlatformEntry;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.feed.UpdateFeed;
import io.desktopstarter.updater.trust.KeyRing;
import io.desktopstarter.updater.trust.TrustCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides what a downloaded {@code latest.json} means. The signature is checked before the JSON is
 * even parsed, so no parser ever sees unauthenticated input; then freshness (expiry, the newest
 * feed seen), version order, stepping-stone and platform rules. Pure: it reads nothing and writes
 * nothing, so a rejection cannot change the installation.
 */
public final class FeedPolicy {
    /** What this installation is. */
    public record Installation(String app, Optional<String> shell, SemanticVersion installed, PlatformKey platform) {
    }

    /**
     * How far a feed or key list may be dated after this computer's clock: publishers' and users'
     * clocks differ by minutes, not by a day. Beyond that either the clock is wrong or the document
     * is, and remembering its date would refuse every honest feed until then.
     */
    public static final Duration CLOCK_SKEW = Duration.ofDays(1);

    private final KeyRing keys;
    private final UrlPolicy urls;

    public FeedPolicy(KeyRing keys, UrlPolicy urls) {
        this.keys = keys;
        this.urls = urls;
    }

    /** Whether a feed is authentic and current, before any version rule: what the updater remembers. */
    public sealed interface Authentication {
        record Authentic(UpdateFeed feed) implements Authentication {
        }

        record Refused(Rejection rejection) implements Authentication {
        }
    }

    public UpdateDecision evaluate(byte[] feedBytes, Optional<String> feedSignature, Installation installation, Instant now,
            Optional<Instant> newestSeen) {
        return switch (authenticate(feedBytes, feedSignature, installation, now, newestSeen)) {
            case Authentication.Refused(Rejection rejection) -> new UpdateDecision.Rejected(rejection);
            case Authentication.Authentic(UpdateFeed feed) -> decide(feed, installation);
        };
    }

    /** The feed-level checks: signature, app, shell, expiry and freshness against the newest feed seen. */
    public Authentication authenticate(byte[] feedBytes, Optional<String> feedSignature, Installation installation, Instant now,
            Optional<Instant> newestSeen) {
        Optional<Rejection> signatureProblem = checkSignature(feedBytes, feedSignature, now);
        if (signatureProblem.isPresent()) {
            return new Authentication.Refused(signatureProblem.get());
        }
        UpdateFeed feed;
        try {
            feed = FeedParser.parse(feedBytes);
        } catch (FeedFormatException e) {
            return refuse(RejectionCode.MALFORMED, "latest.json: " + e.getMessage());
        }
        if (!feed.app().equals(installation.app())) {
            return refuse(RejectionCode.MALFORMED, "the feed is for app '" + feed.app() + "', not '" + installation.app() + "'");
        }
        if (installation.shell().isPresent() && !feed.shell().equals(installation.shell().get())) {
            return refuse(RejectionCode.MALFORMED, "the feed is for the " + feed.shell() + " shell, this app uses "
                    + installation.shell().get());
        }
        if (!now.isBefore(feed.expires())) {
            return refuse(RejectionCode.EXPIRED, "the feed expired at " + feed.expires() + " (this computer's clock says "
                    + now + "; if that is wrong, correct the date and time settings)");
        }
        if (feed.pubDate().isAfter(now.plus(CLOCK_SKEW))) {
            return refuse(RejectionCode.FUTURE_FEED, "the feed is dated " + feed.pubDate() + ", after this computer's clock ("
                    + now + "); if the clock is wrong, correct the date and time settings");
        }
        if (newestSeen.isPresent() && feed.pubDate().isBefore(newestSeen.get())) {
            return refuse(RejectionCode.STALE_FEED, "the feed was published " + feed.pubDate()
                    + ", before the newest feed already seen (" + newestSeen.get() + ")");
        }
        return new Authentication.Authentic(feed);
    }

    /** The version, stepping-stone, platform and URL rules for an authentic feed. */
    public UpdateDecision decide(UpdateFeed feed, Installation installation) {
        if (feed.version().samePrecedence(installation.installed())) {
            return new UpdateDecision.UpToDate(feed);
        }
        if (!feed.version().isNewerThan(installation.installed())) {
            return reject(RejectionCode.NOT_NEWER, "version " + feed.version() + " is older than the installed "
                    + installation.installed());
        }
        if (feed.minVersion().isPresent() && feed.minVersion().get().isNewerThan(installation.installed())) {
            return reject(RejectionCode.MIN_VERSION, "version " + feed.version() + " needs " + feed.minVersion().get()
                    + " or later installed first (installed " + installation.installed() + ")");
        }
        Optional<PlatformEntry> entry = feed.platform(installation.platform());
        if (entry.isEmpty()) {
            return reject(RejectionCode.PLATFORM_MISSING, "version " + feed.version() + " has no " + installation.platform()
                    + " artifact (feed has: " + feed.platforms().keySet() + ")");
        }
        if (!urls.allows(entry.get().url())) {
            return reject(RejectionCode.INSECURE_URL, "artifact URL is not HTTPS: " + entry.get().url());
        }
        return new UpdateDecision.Available(feed, installation.platform(), entry.get());
    }

    private Optional<Rejection> checkSignature(byte[] feedBytes, Optional<String> feedSignature, Instant now) {
        if (feedSignature.isEmpty()) {
            return Optional.of(new Rejection(RejectionCode.BAD_SIGNATURE, "latest.json.minisig is missing"));
        }
        MinisignSignature signature;
        try {
            signature = MinisignSignature.parse(feedSignature.get());
        } catch (MinisignFormatException e) {
            return Optional.of(new Rejection(RejectionCode.BAD_SIGNATURE, "latest.json.minisig: " + e.getMessage()));
        }
        return rejection(keys.verify(feedBytes, signature, now), RejectionCode.BAD_SIGNATURE, "latest.json");
    }

    /** Maps a signature check onto rejection codes; {@code badSignature} is the code for a signature that does not match. */
    static Optional<Rejection> rejection(TrustCheck check, RejectionCode badSignature, String what) {
        return switch (check) {
            case TrustCheck.Checked(Verification.Valid valid) -> Optional.empty();
            case TrustCheck.Checked(Verification.Invalid(Verification.Reason reason, String detail)) -> Optional.of(new Rejection(
                    reason == Verification.Reason.WRONG_KEY_ID ? RejectionCode.UNTRUSTED_KEY : badSignature, what + ": " + detail));
            case TrustCheck.UntrustedKey(String detail) -> Optional.of(new Rejection(RejectionCode.UNTRUSTED_KEY, what + ": " + detail));
            case TrustCheck.RevokedKey(String detail) -> Optional.of(new Rejection(RejectionCode.REVOKED_KEY, what + ": " + detail));
        };
    }

    private static Authentication refuse(RejectionCode code, String detail) {
        return new Authentication.Refused(new Rejection(code, detail));
    }

    private static UpdateDecision reject(RejectionCode code, String detail) {
        return new UpdateDecision.Rejected(new Rejection(code, detail));
    }
}
