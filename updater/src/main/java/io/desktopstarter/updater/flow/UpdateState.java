package io.desktopstarter.updater.flow;

import io.desktopstarter.updater.download.DownloadProgress;
import io.desktopstarter.updater.install.InstallOutcome;
import io.desktopstarter.updater.policy.Rejection;
import java.nio.file.Path;

/** What the shells show about updates. Each event replaces the previous one. */
public sealed interface UpdateState {
    /** No feed configured ({@code DESKTOP_STARTER_UPDATE_FEED} unset) or no built-in keys: updates are off. */
    record NotConfigured(String reason) implements UpdateState {
    }

    record Checking() implements UpdateState {
    }

    record UpToDate(String version) implements UpdateState {
    }

    record Available(String version, String notes, long size) implements UpdateState {
    }

    record Downloading(DownloadProgress progress) implements UpdateState {
    }

    /** Every check passed on the downloaded file. */
    record Verified(String version) implements UpdateState {
    }

    record ReadyToInstall(String version, Path artifact) implements UpdateState {
    }

    record Installing(String version) implements UpdateState {
    }

    record Finished(InstallOutcome outcome) implements UpdateState {
    }

    /** A rule was broken ({@code rejection} present) or something went wrong on the way. */
    record Failed(java.util.Optional<Rejection> rejection, String message) implements UpdateState {
        public static Failed of(Rejection rejection) {
            return new Failed(java.util.Optional.of(rejection), rejection.code().code() + ": " + rejection.detail());
        }

        public static Failed of(String message) {
            return new Failed(java.util.Optional.empty(), message);
        }
    }
}
