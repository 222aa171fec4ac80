package io.desktopstarter.updater.testing;

import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.MinisignVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A release key made at test time, signing the way minisign does (prehashed), with BouncyCastle directly. */
public final class TestSigner {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(RANDOM);
    private final MinisignPublicKey publicKey;

    public TestSigner() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        publicKey = new MinisignPublicKey(id, secret.generatePublicKey().getEncoded());
    }

    public MinisignPublicKey publicKey() {
        return publicKey;
    }

    public Path writePublicKey(Path file) throws IOException {
        return Files.writeString(file, publicKey.toFileContent());
    }

    public String sign(byte[] data) {
        Blake2bDigest digest = new Blake2bDigest(512);
        digest.update(data, 0, data.length);
        byte[] hash = new byte[64];
        digest.doFinal(hash, 0);
        return signDigest(hash);
    }

    public String sign(Path file) throws IOException {
        return signDigest(MinisignVerifier.blake2b512(file));
    }

    private String signDigest(byte[] hash) {
        byte[] signature = ed25519(hash);
        String trusted = "timestamp:1763856000\tfile:test";
        byte[] global = new MinisignSignature(MinisignSignature.Algorithm.PREHASHED, publicKey.keyId(), signature,
                "x", trusted, new byte[64]).globalSignedBytes();
        return new MinisignSignature(MinisignSignature.Algorithm.PREHASHED, publicKey.keyId(), signature,
                "signature from test key", trusted, ed25519(global)).toFileContent();
    }

    private byte[] ed25519(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, secret);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }
}
