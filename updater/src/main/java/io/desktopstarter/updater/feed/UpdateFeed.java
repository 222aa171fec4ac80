package io.desktopstarter.updater.feed;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A parsed, validated {@code latest.json} (schema 1). Unknown platform keys are dropped at parse time. */
public record UpdateFeed(int schema, String app, String shell, SemanticVersion version, Instant pubDate, Instant expires,
        String notes, Optional<SemanticVersion> minVersion, Map<PlatformKey, PlatformEntry> platforms) {
    public UpdateFeed {
        // In the feed's order, so messages listing the platforms read the same on every run.
        platforms = Collections.unmodifiableMap(new LinkedHashMap<>(platforms));
    }

    public Optional<PlatformEntry> platform(PlatformKey key) {
        return Optional.ofNullable(platforms.get(key));
    }
}
