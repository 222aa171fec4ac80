package io.desktopstarter.updater.download;

import io.desktopstarter.updater.policy.Rejection;
import java.nio.file.Path;

/** How a download ended. */
public sealed interface DownloadOutcome {
    /** Exactly the announced number of bytes are in {@code file}, not yet verified. */
    record Completed(Path file) implements DownloadOutcome {
    }

    /** The server broke a rule (redirect to http, more bytes than announced); nothing is kept. */
    record Rejected(Rejection rejection) implements DownloadOutcome {
    }

    /** Network trouble; {@code resumable} says whether the bytes so far were kept for the next attempt. */
    record Failed(String message, boolean resumable) implements DownloadOutcome {
    }
}
