package io.desktopstarter.updater.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.updater.policy.RejectionCode;
import io.desktopstarter.updater.store.TrustState;
import io.desktopstarter.updater.store.UpdateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The updater's remembered trust state in a test app-data folder: seeded before, read after. */
public final class TrustFiles {
    private TrustFiles() {
    }

    /** An app-data folder that has already seen a feed published at {@code date}. */
    public static void seenFeed(Path appData, Instant date) throws IOException {
        new UpdateStore(appData).save(TrustState.EMPTY.withFeed(date));
    }

    public static TrustState state(Path appData) {
        return switch (new UpdateStore(appData).load()) {
            case UpdateStore.Loaded.Ok(TrustState state) -> state;
            case UpdateStore.Loaded.Damaged damaged -> throw new AssertionError("damaged trust state: " + damaged.reason());
        };
    }

    /** Rejections that come after the feed was found authentic and current: the feed's date is remembered. */
    public static final Set<RejectionCode> AFTER_AUTHENTICATION = EnumSet.of(RejectionCode.NOT_NEWER, RejectionCode.MIN_VERSION,
            RejectionCode.PLATFORM_MISSING, RejectionCode.INSECURE_URL, RejectionCode.SIZE_MISMATCH, RejectionCode.HASH_MISMATCH,
            RejectionCode.ARTIFACT_SIGNATURE);

    /**
     * After a rejection with {@code code}: a feed refused by the feed-level checks left app-data
     * byte-identical; one refused later changed only the trust state, to remember {@code feedDate}.
     */
    public static void assertChangedOnlyAsAllowed(RejectionCode code, Path appData, Map<String, String> before, Instant feedDate)
            throws Exception {
        Map<String, String> after = Snapshot.of(appData);
        if (AFTER_AUTHENTICATION.contains(code)) {
            assertThat(Snapshot.withoutTrustState(after)).isEqualTo(Snapshot.withoutTrustState(before));
            assertThat(newestFeed(appData)).as("an authentic feed is remembered").contains(feedDate);
        } else {
            assertThat(after).as("a feed refused before it was found authentic writes nothing").isEqualTo(before);
        }
    }

    public static Optional<Instant> newestFeed(Path appData) {
        return state(appData).newestFeed();
    }
}
