package io.desktopstarter.signing.sign;

import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.MinisignVerifier;
import io.desktopstarter.minisign.Verification;
import io.desktopstarter.signing.keys.SecretKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** Signs files the way {@code minisign -S} does: prehashed BLAKE2b-512, trusted comment, global signature. */
public final class MinisignSigner {
    static final String UNTRUSTED_COMMENT = "signature from desktop-java-starter secret key";

    private final SecretKey key;
    private final Clock clock;

    public MinisignSigner(SecretKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    public static String defaultTrustedComment(Path file, Clock clock) {
        return "timestamp:" + clock.instant().getEpochSecond() + "\tfile:" + file.getFileName() + "\thashed";
    }

    /**
     * Signs, then checks both signatures with the public half against the same digest, so a broken
     * signature never leaves here (the file is hashed once: on a 200 MB artifact that halves the time).
     */
    public MinisignSignature sign(Path file, String trustedComment) throws IOException {
        String comment = trustedComment == null ? defaultTrustedComment(file, clock) : trustedComment;
        byte[] digest = MinisignVerifier.blake2b512(file);
        byte[] signature = key.sign(digest);
        MinisignSignature unsealed = new MinisignSignature(MinisignSignature.Algorithm.PREHASHED, key.keyId(), signature,
                UNTRUSTED_COMMENT, comment, new byte[64]);
        MinisignSignature result = new MinisignSignature(MinisignSignature.Algorithm.PREHASHED, key.keyId(), signature,
                UNTRUSTED_COMMENT, comment, key.sign(unsealed.globalSignedBytes()));
        if (!(MinisignVerifier.verifyDigest(key.publicKey(), result, digest) instanceof Verification.Valid)) {
            throw new IllegalStateException("a signature just made does not verify; refusing to write it");
        }
        return result;
    }
}
