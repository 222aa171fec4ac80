package io.desktopstarter.updater.policy;

/** Why an update was refused. The codes are a public interface: {@code verify-kit} prints them. */
public enum RejectionCode {
    MALFORMED("malformed"),
    BAD_SIGNATURE("bad-signature"),
    UNTRUSTED_KEY("untrusted-key"),
    REVOKED_KEY("revoked-key"),
    NOT_NEWER("not-newer"),
    MIN_VERSION("min-version"),
    EXPIRED("expired"),
    STALE_FEED("stale-feed"),
    PLATFORM_MISSING("platform-missing"),
    INSECURE_URL("insecure-url"),
    SIZE_MISMATCH("size-mismatch"),
    HASH_MISMATCH("hash-mismatch"),
    ARTIFACT_SIGNATURE("artifact-signature"),
    /** Dated after this computer's clock by more than {@link FeedPolicy#CLOCK_SKEW}: a wrong clock or a bad feed (D-032). */
    FUTURE_FEED("future-feed");

    private final String code;

    RejectionCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
