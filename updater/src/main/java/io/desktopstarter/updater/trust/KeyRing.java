package io.desktopstarter.updater.trust;

import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.MinisignVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys an installed app trusts: the ones compiled into it, changed only by key lists that a
 * trusted key signed. A revocation is permanent for the ring: a revoked key's signatures are
 * rejected even when the key is also built in.
 */
public final class KeyRing {
    /** One key and what the ring knows about it. */
    public record Entry(MinisignPublicKey key, Optional<Instant> expires, boolean revoked) {
    }

    private final Map<String, Entry> entries;

    private KeyRing(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    public static KeyRing of(List<MinisignPublicKey> builtIn) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (MinisignPublicKey key : builtIn) {
            entries.put(id(key.keyId()), new Entry(key, Optional.empty(), false));
        }
        return new KeyRing(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * The ring after applying a key list: listed keys are added with their expiry, revoked ones are
     * marked revoked (and stay revoked). The caller must have verified the list's signature with
     * {@link #verify} first.
     */
    public KeyRing rotate(KeyList list) {
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        for (KeyList.ListedKey listed : list.keys()) {
            String id = id(listed.key().keyId());
            Entry previous = next.get(id);
            boolean revoked = listed.revoked() || (previous != null && previous.revoked());
            next.put(id, new Entry(listed.key(), listed.expires(), revoked));
        }
        return new KeyRing(next);
    }

    /** Verifies a signed document against the ring: the signing key must be known, unexpired and not revoked. */
    public TrustCheck verify(byte[] data, MinisignSignature signature, Instant now) {
        return switch (trustedKey(signature, now)) {
            case Lookup.Refused refused -> refused.check();
            case Lookup.Found found -> new TrustCheck.Checked(MinisignVerifier.verify(found.key(), signature, data));
        };
    }

    /** The same for a file, hashed as a stream. */
    public TrustCheck verify(Path file, MinisignSignature signature, Instant now) throws IOException {
        return switch (trustedKey(signature, now)) {
            case Lookup.Refused refused -> refused.check();
            case Lookup.Found found -> new TrustCheck.Checked(MinisignVerifier.verify(found.key(), signature, file));
        };
    }

    /** The same for a prehashed signature whose BLAKE2b-512 digest the caller computed. */
    public TrustCheck verifyDigest(byte[] blake2b512, MinisignSignature signature, Instant now) {
        return switch (trustedKey(signature, now)) {
            case Lookup.Refused refused -> refused.check();
            case Lookup.Found found -> new TrustCheck.Checked(MinisignVerifier.verifyDigest(found.key(), signature, blake2b512));
        };
    }

    private sealed interface Lookup {
        record Found(MinisignPublicKey key) implements Lookup {
        }

        record Refused(TrustCheck check) implements Lookup {
        }
    }

    /** The signing key if the ring trusts it now, else the reason it does not. */
    private Lookup trustedKey(MinisignSignature signature, Instant now) {
        Entry entry = entries.get(id(signature.keyId()));
        String keyId = MinisignPublicKey.keyIdHex(signature.keyId());
        if (entry == null) {
            return new Lookup.Refused(new TrustCheck.UntrustedKey("signed by key " + keyId
                    + ", which this app does not trust (trusted: " + trustedIds() + ")"));
        }
        if (entry.revoked()) {
            return new Lookup.Refused(new TrustCheck.RevokedKey("signed by key " + keyId + ", which was revoked"));
        }
        if (entry.expires().isPresent() && !now.isBefore(entry.expires().get())) {
            return new Lookup.Refused(new TrustCheck.UntrustedKey("signed by key " + keyId + ", which expired "
                    + entry.expires().get()));
        }
        return new Lookup.Found(entry.key());
    }

    private String trustedIds() {
        List<String> ids = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (!e.revoked()) {
                ids.add(e.key().keyIdHex());
            }
        }
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static String id(byte[] keyId) {
        return HexFormat.of().formatHex(keyId);
    }
}
