package io.desktopstarter.minisign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Verifies minisign signatures, prehashed (BLAKE2b-512, streamed) and legacy, including the
 * global signature over the trusted comment. Interoperates with the {@code minisign} tool.
 */
public final class MinisignVerifier {
    /** Legacy signatures sign the whole file, which Ed25519 must hold in memory; larger files need prehashing. */
    public static final long LEGACY_MAX_BYTES = 64L * 1024 * 1024;

    private MinisignVerifier() {
    }

    public static Verification verify(MinisignPublicKey key, MinisignSignature signature, Path file) throws IOException {
        Verification.Invalid keyProblem = keyProblem(key, signature);
        if (keyProblem != null) {
            return keyProblem;
        }
        byte[] message;
        if (signature.algorithm() == MinisignSignature.Algorithm.PREHASHED) {
            message = blake2b512(file);
        } else {
            if (Files.size(file) > LEGACY_MAX_BYTES) {
                return new Verification.Invalid(Verification.Reason.MALFORMED, "legacy (non-prehashed) signature on a file over "
                        + LEGACY_MAX_BYTES / (1024 * 1024) + " MiB; sign it again with prehashing");
            }
            message = Files.readAllBytes(file);
        }
        return checkSignatures(key, signature, message, file.getFileName().toString());
    }

    /** Verifies a small in-memory document such as a feed or a key list. */
    public static Verification verify(MinisignPublicKey key, MinisignSignature signature, byte[] data) {
        Verification.Invalid keyProblem = keyProblem(key, signature);
        if (keyProblem != null) {
            return keyProblem;
        }
        byte[] message = data;
        if (signature.algorithm() == MinisignSignature.Algorithm.PREHASHED) {
            Blake2bDigest digest = new Blake2bDigest(512);
            digest.update(data, 0, data.length);
            message = new byte[64];
            digest.doFinal(message, 0);
        }
        return checkSignatures(key, signature, message, "the document");
    }

    /** For a prehashed signature whose BLAKE2b-512 digest the caller already has. */
    public static Verification verifyDigest(MinisignPublicKey key, MinisignSignature signature, byte[] blake2b512) {
        if (signature.algorithm() != MinisignSignature.Algorithm.PREHASHED) {
            return new Verification.Invalid(Verification.Reason.MALFORMED, "not a prehashed signature");
        }
        Verification.Invalid keyProblem = keyProblem(key, signature);
        return keyProblem != null ? keyProblem : checkSignatures(key, signature, blake2b512, "the digest");
    }

    /** The checks that come before any hashing: right key, and a key that is a curve point at all. */
    private static Verification.Invalid keyProblem(MinisignPublicKey key, MinisignSignature signature) {
        if (!MessageDigest.isEqual(key.keyId(), signature.keyId())) {
            return new Verification.Invalid(Verification.Reason.WRONG_KEY_ID, "signed with key "
                    + MinisignPublicKey.keyIdHex(signature.keyId()) + ", expected key " + key.keyIdHex());
        }
        if (!validPoint(key.key())) {
            return new Verification.Invalid(Verification.Reason.MALFORMED, "the public key is not a valid Ed25519 key");
        }
        return null;
    }

    private static Verification checkSignatures(MinisignPublicKey key, MinisignSignature signature, byte[] message,
            String what) {
        if (!ed25519(key.key(), message, signature.signature())) {
            return new Verification.Invalid(Verification.Reason.BAD_SIGNATURE, "the signature does not match " + what);
        }
        if (!ed25519(key.key(), signature.globalSignedBytes(), signature.globalSignature())) {
            return new Verification.Invalid(Verification.Reason.BAD_GLOBAL_SIGNATURE, "the trusted comment was altered");
        }
        return new Verification.Valid(signature.trustedComment());
    }

    /** BLAKE2b-512 of a file, read in 64 KiB blocks. */
    public static byte[] blake2b512(Path file) throws IOException {
        Blake2bDigest digest = new Blake2bDigest(512);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        byte[] out = new byte[64];
        digest.doFinal(out, 0);
        return out;
    }

    static boolean validPoint(byte[] publicKey) {
        try {
            new Ed25519PublicKeyParameters(publicKey, 0);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean ed25519(byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
