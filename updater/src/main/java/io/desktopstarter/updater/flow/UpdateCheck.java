package io.desktopstarter.updater.flow;

import io.desktopstarter.updater.policy.FeedPolicy;
import io.desktopstarter.updater.policy.KeyRotation;
import io.desktopstarter.updater.policy.Rejection;
import io.desktopstarter.updater.policy.UpdateDecision;
import io.desktopstarter.updater.policy.UrlPolicy;
import io.desktopstarter.updater.store.UpdateStore;
import io.desktopstarter.updater.trust.KeyRing;
import io.desktopstarter.updater.trust.MinisignPublicKey;
import io.desktopstarter.updater.trust.SignedDocument;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One update check over documents already in hand (downloaded or from a kit): key rotation, then the
 * feed policy, then — only if the feed was accepted — remembering its date and key list. The
 * connected updater and {@code verify-kit} both go through here, so they cannot disagree.
 */
public final class UpdateCheck {
    /** The feed, its signature and an optional key list, as fetched. */
    public record Documents(byte[] feed, Optional<String> feedSignature, Optional<SignedDocument> keyList) {
        public Documents {
            feed = feed.clone();
        }

        @Override
        public byte[] feed() {
            return feed.clone();
        }
    }

    /**
     * The decision, the key ring it was made with (the artifact is checked with the same ring) and a
     * newly accepted key list. Nothing is stored until {@link #remember} is called, which callers do
     * only when the whole update (artifact included) was accepted, so a rejection changes nothing.
     */
    public record Result(UpdateDecision decision, KeyRing ring, Optional<SignedDocument> acceptedKeyList) {
    }

    private final List<MinisignPublicKey> builtInKeys;
    private final UrlPolicy urls;
    private final Optional<UpdateStore> store;
    private final Clock clock;

    public UpdateCheck(List<MinisignPublicKey> builtInKeys, UrlPolicy urls, Optional<UpdateStore> store, Clock clock) {
        this.builtInKeys = List.copyOf(builtInKeys);
        this.urls = urls;
        this.store = store;
        this.clock = clock;
    }

    public Result check(Documents documents, FeedPolicy.Installation installation) throws IOException {
        KeyRing builtIn = KeyRing.of(builtInKeys);
        KeyRotation.Outcome keys = new KeyRotation(installation.app()).resolve(builtIn,
                store.flatMap(UpdateStore::keyList), documents.keyList(), clock.instant());
        if (keys instanceof KeyRotation.Outcome.Rejected(Rejection rejection)) {
            return new Result(new UpdateDecision.Rejected(rejection), builtIn, Optional.empty());
        }
        KeyRotation.Outcome.Resolved resolved = (KeyRotation.Outcome.Resolved) keys;
        UpdateDecision decision = new FeedPolicy(resolved.ring(), urls).evaluate(documents.feed(), documents.feedSignature(),
                installation, clock.instant(), store.flatMap(UpdateStore::newestFeed));
        return new Result(decision, resolved.ring(), resolved.acceptedNewList());
    }

    /** Stores the feed date and key list of an accepted check, so older ones are refused from now on. */
    public void remember(Result result) throws IOException {
        if (store.isEmpty()) {
            return;
        }
        switch (result.decision()) {
            case UpdateDecision.Rejected r -> throw new IllegalArgumentException("a rejected feed is never remembered");
            case UpdateDecision.Available a -> store.get().recordFeed(a.feed().pubDate());
            case UpdateDecision.UpToDate u -> store.get().recordFeed(u.feed().pubDate());
        }
        if (result.acceptedKeyList().isPresent()) {
            store.get().saveKeyList(result.acceptedKeyList().get());
        }
    }
}
