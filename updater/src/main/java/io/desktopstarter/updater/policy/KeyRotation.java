package io.desktopstarter.updater.policy;

import io.desktopstarter.updater.trust.KeyList;
import io.desktopstarter.updater.trust.KeyRing;
import io.desktopstarter.updater.trust.MinisignFormatException;
import io.desktopstarter.updater.trust.MinisignSignature;
import io.desktopstarter.updater.trust.SignedDocument;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds the key ring for one check: the built-in keys, then the key list remembered from earlier
 * checks, then a newly published one. Each list must be signed by a key the ring trusts at that
 * point, so trust only ever flows from the keys compiled into the app.
 */
public final class KeyRotation {
    /** The ring to check with, and the new list to remember when it was accepted. */
    public sealed interface Outcome {
        record Resolved(KeyRing ring, Optional<SignedDocument> acceptedNewList) implements Outcome {
        }

        record Rejected(Rejection rejection) implements Outcome {
        }
    }

    private final String app;

    public KeyRotation(String app) {
        this.app = app;
    }

    public Outcome resolve(KeyRing builtIn, Optional<SignedDocument> remembered, Optional<SignedDocument> published,
            Instant now) {
        Optional<KeyList> earlier = remembered.flatMap(doc -> read(builtIn, doc, now) instanceof Read.Ok(KeyList list)
                ? Optional.of(list) : Optional.empty());
        KeyRing ring = earlier.map(builtIn::rotate).orElse(builtIn);
        Optional<Instant> rememberedDate = earlier.map(KeyList::pubDate);
        if (published.isEmpty()) {
            return new Outcome.Resolved(ring, Optional.empty());
        }
        return switch (read(ring, published.get(), now)) {
            case Read.Refused(Rejection rejection) -> new Outcome.Rejected(rejection);
            case Read.Ok(KeyList list) when rememberedDate.isPresent() && list.pubDate().isBefore(rememberedDate.get()) ->
                    new Outcome.Rejected(new Rejection(RejectionCode.STALE_FEED, "keys.json was published " + list.pubDate()
                            + ", before the key list already accepted (" + rememberedDate.get() + ")"));
            case Read.Ok(KeyList list) -> new Outcome.Resolved(ring.rotate(list), published);
        };
    }

    private sealed interface Read {
        record Ok(KeyList list) implements Read {
        }

        record Refused(Rejection rejection) implements Read {
        }
    }

    private Read read(KeyRing ring, SignedDocument document, Instant now) {
        MinisignSignature signature;
        try {
            signature = MinisignSignature.parse(document.signature());
        } catch (MinisignFormatException e) {
            return new Read.Refused(new Rejection(RejectionCode.BAD_SIGNATURE, "keys.json.minisig: " + e.getMessage()));
        }
        Optional<Rejection> problem = FeedPolicy.rejection(ring.verify(document.content(), signature, now),
                RejectionCode.BAD_SIGNATURE, "keys.json");
        if (problem.isPresent()) {
            return new Read.Refused(problem.get());
        }
        try {
            KeyList list = KeyList.parse(document.content());
            if (!list.app().equals(app)) {
                return new Read.Refused(new Rejection(RejectionCode.MALFORMED, "keys.json is for app '" + list.app() + "'"));
            }
            return new Read.Ok(list);
        } catch (MinisignFormatException e) {
            return new Read.Refused(new Rejection(RejectionCode.MALFORMED, e.getMessage()));
        }
    }
}
