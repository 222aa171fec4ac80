package io.desktopstarter.updater.flow;

import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.updater.feed.UpdateFeed;
import io.desktopstarter.updater.policy.FeedPolicy;
import io.desktopstarter.updater.policy.KeyRotation;
import io.desktopstarter.updater.policy.Rejection;
import io.desktopstarter.updater.policy.UpdateDecision;
import io.desktopstarter.updater.policy.UrlPolicy;
import io.desktopstarter.updater.store.TrustState;
import io.desktopstarter.updater.store.UpdateStore;
import io.desktopstarter.updater.trust.AcceptedKeyList;
import io.desktopstarter.updater.trust.KeyRing;
import io.desktopstarter.updater.trust.SignedDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One update check over documents already in hand (downloaded or from a kit): key rotation, then the
 * feed policy. A feed that passes the feed-level checks (signature, app, shell, expiry, freshness)
 * is remembered at once, whatever the version decision, together with a newly accepted key list
 * (D-030): from then on an older authentic feed or key list is {@code stale-feed}. A feed that
 * fails those checks writes nothing. The connected updater and {@code verify-kit} both go through
 * here, so they cannot disagree.
 */
public final class UpdateCheck {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateCheck.class);

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

    /** The decision and the key ring it was made with (the artifact is checked with the same ring). */
    public record Result(UpdateDecision decision, KeyRing ring) {
    }

    /** A check's result and the state to store for it, if the state changes. */
    private record Evaluation(Result result, Optional<TrustState> next, boolean replacesDamaged) {
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

    /**
     * Checks, and stores what was learnt. The first evaluation reads without the lock, so a rejected
     * feed writes nothing, not even a lock file; when something is to be stored, the check runs again
     * under the lock on the state as it is then, so two app instances checking at once lose nothing.
     *
     * @throws TrustStateException when the remembered state is damaged and the documents do not repair it
     */
    public Result check(Documents documents, FeedPolicy.Installation installation) throws IOException {
        Instant now = clock.instant();
        if (store.isEmpty()) {
            return evaluate(new UpdateStore.Loaded.Ok(TrustState.EMPTY), documents, installation, now).result();
        }
        UpdateStore updates = store.get();
        Evaluation first = evaluate(updates.load(), documents, installation, now);
        if (first.next().isEmpty()) {
            return first.result();
        }
        return updates.locked(() -> {
            Evaluation again = evaluate(updates.load(), documents, installation, now);
            if (again.next().isPresent()) {
                if (again.replacesDamaged()) {
                    LOG.warn("update trust state was damaged; moved aside to {} and rebuilt from a key list signed by a "
                            + "built-in key", updates.setAside());
                }
                updates.save(again.next().get());
            }
            return again.result();
        });
    }

    private Evaluation evaluate(UpdateStore.Loaded loaded, Documents documents, FeedPolicy.Installation installation,
            Instant now) throws TrustStateException {
        KeyRotation rotation = new KeyRotation(installation.app());
        Start start = start(loaded, rotation, KeyRing.of(builtInKeys), documents, now);
        return switch (rotation.resolve(start.trusted(), documents.keyList(), now)) {
            case KeyRotation.Outcome.Rejected(Rejection rejection) -> new Evaluation(
                    new Result(new UpdateDecision.Rejected(rejection), start.trusted().ring()), Optional.empty(), false);
            case KeyRotation.Outcome.Resolved(KeyRing ring, Optional<SignedDocument> newList) ->
                    evaluateFeed(ring, start.state(), newList, documents, installation, now, start.replacesDamaged());
        };
    }

    /** Where a check starts from: the remembered state and the ring it builds. */
    private record Start(TrustState state, KeyRotation.Replay.Trusted trusted, boolean replacesDamaged) {
    }

    /**
     * The remembered state, replayed. When it is damaged, only a published key list that a built-in
     * key signed may start it afresh; anything else keeps updates off with the reason.
     */
    private Start start(UpdateStore.Loaded loaded, KeyRotation rotation, KeyRing builtIn, Documents documents,
            Instant now) throws TrustStateException {
        TrustStateException damaged;
        switch (loaded) {
            case UpdateStore.Loaded.Ok(TrustState state) -> {
                KeyRotation.Replay replay = rotation.replay(builtIn, state.keyLists());
                if (replay instanceof KeyRotation.Replay.Trusted trusted) {
                    return new Start(state, trusted, false);
                }
                damaged = new TrustStateException(store.orElseThrow().stateFile(), ((KeyRotation.Replay.Broken) replay).reason());
            }
            case UpdateStore.Loaded.Damaged(Path file, String reason) -> damaged = new TrustStateException(file, reason);
        }
        KeyRotation.Replay.Trusted fresh = KeyRotation.Replay.Trusted.of(builtIn);
        if (rotation.resolve(fresh, documents.keyList(), now) instanceof KeyRotation.Outcome.Resolved(var ring, var list)
                && list.isPresent()) {
            return new Start(TrustState.EMPTY, fresh, true);
        }
        LOG.error("{}", damaged.getMessage());
        throw damaged;
    }

    private Evaluation evaluateFeed(KeyRing ring, TrustState state, Optional<SignedDocument> newList, Documents documents,
            FeedPolicy.Installation installation, Instant now, boolean replacesDamaged) {
        FeedPolicy policy = new FeedPolicy(ring, urls);
        return switch (policy.authenticate(documents.feed(), documents.feedSignature(), installation, now, state.newestFeed())) {
            case FeedPolicy.Authentication.Refused(Rejection rejection) ->
                    new Evaluation(new Result(new UpdateDecision.Rejected(rejection), ring), Optional.empty(), false);
            case FeedPolicy.Authentication.Authentic(UpdateFeed feed) -> {
                TrustState next = state.withFeed(feed.pubDate());
                if (newList.isPresent()) {
                    next = next.withKeyList(new AcceptedKeyList(newList.get(), now));
                }
                boolean changed = replacesDamaged || newList.isPresent() || !next.newestFeed().equals(state.newestFeed());
                yield new Evaluation(new Result(policy.decide(feed, installation), ring), changed ? Optional.of(next)
                        : Optional.empty(), replacesDamaged);
            }
        };
    }
}
