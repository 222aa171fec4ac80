package io.desktopstarter.updater.download;

import io.desktopstarter.updater.policy.Rejection;

/** Why a fetch did not produce a body: refused by a rule, or failed on the network. */
public abstract sealed class DownloadException extends Exception {
    DownloadException(String message) {
        super(message);
    }

    /** The server broke an update rule. */
    public static final class Refused extends DownloadException {
        private final transient Rejection rejection;

        public Refused(Rejection rejection) {
            super(rejection.line());
            this.rejection = rejection;
        }

        public Rejection rejection() {
            return rejection;
        }
    }

    /** Network or HTTP trouble; trying again later may work. */
    public static final class Failed extends DownloadException {
        public Failed(String message) {
            super(message);
        }
    }
}
