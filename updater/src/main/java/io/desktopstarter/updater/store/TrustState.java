package io.desktopstarter.updater.store;

import io.desktopstarter.updater.trust.AcceptedKeyList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the updater has learnt and must never forget: the publication date of the newest authentic
 * feed it has seen, and every key list it accepted, oldest first, each with the moment it was
 * accepted. Keeping the whole chain (not only the newest list) is what lets a rotation survive any
 * number of steps: each list is checked again against the ring the lists before it built, as it
 * was when it was accepted, so a list signed by a key that has since expired keeps its effect.
 */
public record TrustState(Optional<Instant> newestFeed, List<AcceptedKeyList> keyLists) {
    public static final TrustState EMPTY = new TrustState(Optional.empty(), List.of());

    public TrustState {
        keyLists = List.copyOf(keyLists);
    }

    /** The state after seeing an authentic feed published at {@code pubDate}; the date never moves back. */
    public TrustState withFeed(Instant pubDate) {
        if (newestFeed.isPresent() && !pubDate.isAfter(newestFeed.get())) {
            return this;
        }
        return new TrustState(Optional.of(pubDate), keyLists);
    }

    /** The state after accepting one more key list. */
    public TrustState withKeyList(AcceptedKeyList accepted) {
        List<AcceptedKeyList> next = new ArrayList<>(keyLists);
        next.add(accepted);
        return new TrustState(newestFeed, next);
    }
}
