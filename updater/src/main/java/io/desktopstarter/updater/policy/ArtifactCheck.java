package io.desktopstarter.updater.policy;

import io.desktopstarter.updater.feed.PlatformEntry;
import io.desktopstarter.updater.trust.KeyRing;
import io.desktopstarter.updater.trust.MinisignFormatException;
import io.desktopstarter.updater.trust.MinisignSignature;
import io.desktopstarter.updater.trust.MinisignVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
        String sha256 = sha256Hex(artifact);
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

    public static String sha256Hex(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
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
