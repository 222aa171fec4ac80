package io.desktopstarter.updater.flow;

import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.updater.download.DownloadSettings;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.policy.FeedPolicy;
import io.desktopstarter.updater.settings.UpdateSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the update flow needs to know about this installation.
 *
 * @param off why updates are off although a feed might be known (an administrator's policy, a
 *            development build); see {@link UpdateSettings}
 */
public record UpdateConfig(String app, Optional<String> shell, SemanticVersion installed, PlatformKey platform,
        Optional<FeedSource> feed, List<MinisignPublicKey> builtInKeys, Path appDataDir, DownloadSettings download,
        Optional<String> off) {
    public UpdateConfig {
        builtInKeys = List.copyOf(builtInKeys);
    }

    /** A configuration whose only reasons to be off are a missing feed or missing keys. */
    public UpdateConfig(String app, Optional<String> shell, SemanticVersion installed, PlatformKey platform,
            Optional<FeedSource> feed, List<MinisignPublicKey> builtInKeys, Path appDataDir, DownloadSettings download) {
        this(app, shell, installed, platform, feed, builtInKeys, appDataDir, download, Optional.empty());
    }

    public FeedPolicy.Installation installation() {
        return new FeedPolicy.Installation(app, shell, installed, platform);
    }

    /** Why updates are off, if they are. */
    public Optional<String> notConfiguredReason() {
        if (off.isPresent()) {
            return off;
        }
        if (feed.isEmpty()) {
            return Optional.of("no update feed configured (set " + UpdateSettings.ENVIRONMENT + ")");
        }
        if (builtInKeys.isEmpty()) {
            return Optional.of("this build has no release public key, so no update could be trusted");
        }
        return Optional.empty();
    }
}
