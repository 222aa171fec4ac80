package io.desktopstarter.updater.trust;

/** The outcome of checking a file against a minisign signature. */
public sealed interface Verification {
    /** Every check passed; the trusted comment is authentic. */
    record Valid(String trustedComment) implements Verification {
    }

    /** Rejected, with the first check that failed. */
    record Invalid(Reason reason, String detail) implements Verification {
    }

    /** Why a signature was rejected, in the order the checks run. */
    enum Reason {
        MALFORMED("malformed"),
        WRONG_KEY_ID("wrong key id"),
        BAD_SIGNATURE("bad signature"),
        BAD_GLOBAL_SIGNATURE("bad global signature"),
        /** Signed by a key the key ring does not trust (unknown, or past its expiry). */
        UNTRUSTED_KEY("untrusted key"),
        /** Signed by a key a signed key list has revoked. */
        REVOKED_KEY("revoked key");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
