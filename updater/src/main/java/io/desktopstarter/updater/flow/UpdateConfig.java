package io.desktopstarter.updater.flow;

import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.updater.download.DownloadSettings;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.policy.FeedPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything the update flow needs to know about this installation. */
public record UpdateConfig(String app, Optional<String> shell, SemanticVersion installed, PlatformKey platform,
        Optional<FeedSource> feed, List<MinisignPublicKey> builtInKeys, Path appDataDir, DownloadSettings download) {
    public UpdateConfig {
        builtInKeys = List.copyOf(builtInKeys);
    }

    public FeedPolicy.Installation installation() {
        return new FeedPolicy.Installation(app, shell, installed, platform);
    }

    /** Why updates are off, if they are. */
    public Optional<String> notConfiguredReason() {
        if (feed.isEmpty()) {
            return Optional.of("no update feed configured (set " + FeedSource.ENVIRONMENT + ")");
        }
        if (builtInKeys.isEmpty()) {
            return Optional.of("this build has no release public key, so no update could be trusted");
        }
        return Optional.empty();
    }
}
