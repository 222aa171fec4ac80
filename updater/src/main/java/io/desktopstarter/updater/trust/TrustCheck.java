package io.desktopstarter.updater.trust;

import io.desktopstarter.minisign.Verification;

/** A signature checked against the {@link KeyRing}: first whether the ring trusts the signing key, then minisign's checks. */
public sealed interface TrustCheck {
    /** The ring trusts the key and the signature was verified with it, valid or not. */
    record Checked(Verification verification) implements TrustCheck {
    }

    /** The ring does not know the key, or the key has expired. */
    record UntrustedKey(String detail) implements TrustCheck {
    }

    /** A signed key list revoked the key. */
    record RevokedKey(String detail) implements TrustCheck {
    }
}
