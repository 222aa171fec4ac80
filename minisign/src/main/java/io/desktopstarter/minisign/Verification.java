package io.desktopstarter.minisign;

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
        BAD_GLOBAL_SIGNATURE("bad global signature");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
