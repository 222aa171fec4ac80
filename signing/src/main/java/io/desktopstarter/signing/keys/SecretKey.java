package io.desktopstarter.signing.keys;

import io.desktopstarter.minisign.MinisignPublicKey;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** A decrypted minisign secret key: key id and the Ed25519 seed; never printed. */
public final class SecretKey {
    private final byte[] keyId;
    private final byte[] seed;

    public SecretKey(byte[] keyId, byte[] seed) {
        if (keyId.length != 8 || seed.length != 32) {
            throw new IllegalArgumentException("a secret key has an 8-byte id and a 32-byte seed");
        }
        this.keyId = keyId.clone();
        this.seed = seed.clone();
    }

    public byte[] keyId() {
        return keyId.clone();
    }

    Ed25519PrivateKeyParameters parameters() {
        return new Ed25519PrivateKeyParameters(seed, 0);
    }

    /** libsodium's 64-byte secret key: seed followed by the public key. */
    byte[] libsodiumSecretKey() {
        byte[] sk = Arrays.copyOf(seed, 64);
        System.arraycopy(parameters().generatePublicKey().getEncoded(), 0, sk, 32, 32);
        return sk;
    }

    public MinisignPublicKey publicKey() {
        return new MinisignPublicKey(keyId, parameters().generatePublicKey().getEncoded());
    }

    public byte[] sign(byte[] message) {
        org.bouncycastle.crypto.signers.Ed25519Signer signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
        signer.init(true, parameters());
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "SecretKey[" + publicKey().keyIdHex() + "]";
    }
}
