package io.desktopstarter.updater.policy;

import io.desktopstarter.foundation.digest.Sha256;
import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.MinisignVerifier;
import io.desktopstarter.updater.feed.PlatformEntry;
import io.desktopstarter.updater.trust.KeyRing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Checks a downloaded artifact against its feed entry: size, then sha256, then the minisign
 * signature by a trusted key. All three must hold (a feed's hash alone would let a stolen feed
 * point at anything; a signature alone would allow mixing artifacts of different releases).
 * sha256 and BLAKE2b run on two threads over the same file, so the check costs one hash, not two.
 */
public final class ArtifactCheck {
    private final KeyRing keys;

    public ArtifactCheck(KeyRing keys) {
        this.keys = keys;
    }

    public Optional<Rejection> check(Path artifact, PlatformEntry entry, Instant now) throws IOException {
        long size = Files.size(artifact);
        if (size != entry.size()) {
            return Optional.of(new Rejection(RejectionCode.SIZE_MISMATCH, artifact.getFileName() + " is " + size
                    + " bytes, the feed announces " + entry.size()));
        }
        MinisignSignature signature;
        try {
            signature = MinisignSignature.parse(entry.signature());
        } catch (MinisignFormatException e) {
            return Optional.of(new Rejection(RejectionCode.ARTIFACT_SIGNATURE, e.getMessage()));
        }
        boolean prehashed = signature.algorithm() == MinisignSignature.Algorithm.PREHASHED;
        CompletableFuture<byte[]> blake = prehashed
                ? CompletableFuture.supplyAsync(() -> unchecked(() -> MinisignVerifier.blake2b512(artifact)))
                : CompletableFuture.completedFuture(null);
        String sha256 = Sha256.hex(artifact);
        byte[] blake2b = join(blake);
        if (!MessageDigest.isEqual(sha256.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                entry.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.of(new Rejection(RejectionCode.HASH_MISMATCH, artifact.getFileName() + " has sha256 " + sha256
                    + ", the feed announces " + entry.sha256()));
        }
        String what = artifact.getFileName().toString();
        return FeedPolicy.rejection(prehashed ? keys.verifyDigest(blake2b, signature, now)
                : keys.verify(artifact, signature, now), RejectionCode.ARTIFACT_SIGNATURE, what);
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T unchecked(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] join(CompletableFuture<byte[]> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }
}
