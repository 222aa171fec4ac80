package io.desktopstarter.updater.cli;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.updater.feed.FeedFormatException;
import io.desktopstarter.updater.feed.FeedParser;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.kit.UpdateKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Picks the kit's platform when the user did not say: the one artifact present for this machine's
 * os and arch. The feed is only read for names here; it is verified before anything is trusted.
 */
final class KitPlatforms {
    private KitPlatforms() {
    }

    static PlatformKey guess(Path kitDir) throws IOException {
        Path kit = UpdateKit.locate(kitDir);
        PlatformKey here = PlatformKey.current(PackageFormat.TAR_GZ);
        List<PlatformKey> present;
        try {
            present = FeedParser.parse(Files.readAllBytes(kit.resolve(UpdateKit.FEED))).platforms().entrySet().stream()
                    .filter(e -> e.getKey().os().equals(here.os()) && e.getKey().arch().equals(here.arch()))
                    .filter(e -> Files.isRegularFile(kit.resolve(e.getValue().fileName())))
                    .map(java.util.Map.Entry::getKey).toList();
        } catch (FeedFormatException e) {
            // The verification reports the malformed feed with its proper code; any key will do until then.
            return here;
        }
        if (present.size() != 1) {
            throw new IllegalArgumentException(present.isEmpty()
                    ? "the kit has no artifact for " + here.os() + "-" + here.arch() + "; pass --platform"
                    : "the kit has several artifacts for this machine " + present + "; pass --platform");
        }
        return present.getFirst();
    }
}
