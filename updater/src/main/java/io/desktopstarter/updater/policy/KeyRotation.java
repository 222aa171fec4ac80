package io.desktopstarter.updater.policy;

import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.updater.trust.AcceptedKeyList;
import io.desktopstarter.updater.trust.KeyList;
import io.desktopstarter.updater.trust.KeyRing;
import io.desktopstarter.updater.trust.SignedDocument;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Builds the key ring for one check. Trust only ever flows from the keys compiled into the app:
 * the accepted key lists are replayed in order, each verified by the ring the lists before it
 * built, as of the moment it was accepted; then a newly published list must verify against that
 * ring now and be newer than the last one accepted. Revocations are permanent ({@link KeyRing#rotate}).
 */
public final class KeyRotation {
    /** The ring the accepted lists build, or why they no longer do. */
    public sealed interface Replay {
        /** {@code newest} is the last accepted list and its exact bytes. */
        record Trusted(KeyRing ring, Optional<KeyList> newest, Optional<SignedDocument> newestDocument) implements Replay {
            public static Trusted of(KeyRing builtIn) {
                return new Trusted(builtIn, Optional.empty(), Optional.empty());
            }
        }

        record Broken(String reason) implements Replay {
        }
    }

    /** The ring to check with, and the published list when it is new and was accepted. */
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

    public Replay replay(KeyRing builtIn, List<AcceptedKeyList> accepted) {
        Replay.Trusted trusted = Replay.Trusted.of(builtIn);
        for (int i = 0; i < accepted.size(); i++) {
            AcceptedKeyList step = accepted.get(i);
            String which = "has key list " + (i + 1) + " of " + accepted.size() + " (accepted " + step.acceptedAt() + ")";
            Read read = read(trusted.ring(), step.list(), step.acceptedAt());
            if (read instanceof Read.Refused(Rejection rejection)) {
                return new Replay.Broken(which + " that no longer verifies: " + rejection.detail());
            }
            KeyList list = ((Read.Ok) read).list();
            if (trusted.newest().isPresent() && list.pubDate().isBefore(trusted.newest().get().pubDate())) {
                return new Replay.Broken(which + ", older than the list before it");
            }
            trusted = new Replay.Trusted(trusted.ring().rotate(list), Optional.of(list), Optional.of(step.list()));
        }
        return trusted;
    }

    public Outcome resolve(Replay.Trusted trusted, Optional<SignedDocument> published, Instant now) {
        if (published.isEmpty() || trusted.newestDocument().map(doc -> sameContent(doc, published.get())).orElse(false)) {
            // The list already accepted, served again: it may be signed by a key that has since expired.
            return new Outcome.Resolved(trusted.ring(), Optional.empty());
        }
        Optional<Instant> newestDate = trusted.newest().map(KeyList::pubDate);
        return switch (read(trusted.ring(), published.get(), now)) {
            case Read.Refused(Rejection rejection) -> new Outcome.Rejected(rejection);
            case Read.Ok(KeyList list) when list.pubDate().isAfter(now.plus(FeedPolicy.CLOCK_SKEW)) ->
                    new Outcome.Rejected(new Rejection(RejectionCode.FUTURE_FEED, "keys.json is dated " + list.pubDate()
                            + ", after this computer's clock (" + now + "); if the clock is wrong, correct the date and time settings"));
            case Read.Ok(KeyList list) when newestDate.isPresent() && !list.pubDate().isAfter(newestDate.get()) ->
                    new Outcome.Rejected(new Rejection(RejectionCode.STALE_FEED, "keys.json was published " + list.pubDate()
                            + ", not after the key list already accepted (" + newestDate.get() + ")"));
            case Read.Ok(KeyList list) -> new Outcome.Resolved(trusted.ring().rotate(list), published);
        };
    }

    private static boolean sameContent(SignedDocument a, SignedDocument b) {
        return Arrays.equals(a.content(), b.content());
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
