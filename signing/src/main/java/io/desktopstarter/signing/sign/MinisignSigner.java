package io.desktopstarter.signing.sign;

import io.desktopstarter.signing.keys.SecretKey;
import io.desktopstarter.updater.trust.MinisignSignature;
import io.desktopstarter.updater.trust.MinisignVerifier;
import io.desktopstarter.updater.trust.Verification;
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

    /** Signs and then verifies the signature with the public half, so a broken signature never leaves here. */
    public MinisignSignature sign(Path file, String trustedComment) throws IOException {
        String comment = trustedComment == null ? defaultTrustedComment(file, clock) : trustedComment;
        byte[] signature = key.sign(MinisignVerifier.blake2b512(file));
        MinisignSignature unsealed = new MinisignSignature(MinisignSignature.Algorithm.PREHASHED, key.keyId(), signature,
                UNTRUSTED_COMMENT, comment, new byte[64]);
        MinisignSignature result = new MinisignSignature(MinisignSignature.Algorithm.PREHASHED, key.keyId(), signature,
                UNTRUSTED_COMMENT, comment, key.sign(unsealed.globalSignedBytes()));
        if (!(MinisignVerifier.verify(key.publicKey(), result, file) instanceof Verification.Valid)) {
            throw new IOException(file + " changed while it was being signed");
        }
        return result;
    }
}
