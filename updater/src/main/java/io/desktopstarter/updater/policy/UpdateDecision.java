package io.desktopstarter.updater.policy;

import io.desktopstarter.updater.feed.PlatformEntry;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.UpdateFeed;

/** What a feed means for this installation. */
public sealed interface UpdateDecision {
    /** An authentic, fresh feed offering a newer version for this platform. */
    record Available(UpdateFeed feed, PlatformKey platform, PlatformEntry entry) implements UpdateDecision {
    }

    /** An authentic, fresh feed whose version is the installed one. */
    record UpToDate(UpdateFeed feed) implements UpdateDecision {
    }

    record Rejected(Rejection rejection) implements UpdateDecision {
    }
}
