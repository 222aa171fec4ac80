package io.desktopstarter.minisign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signatures are made here with BouncyCastle directly, so the verifier is checked against an independent signer. */
class MinisignVerifierTest {
    @TempDir
    Path dir;
    Path file;
    Ed25519PrivateKeyParameters secret;
    MinisignPublicKey key;

    @BeforeEach
    void setUp() throws Exception {
        file = Files.writeString(dir.resolve("app.tar.gz"), "release bytes ".repeat(1000));
        secret = new Ed25519PrivateKeyParameters(new SecureRandom());
        key = new MinisignPublicKey(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, secret.generatePublicKey().getEncoded());
    }

    @Test
    void prehashedAndLegacySignaturesVerify() throws Exception {
        assertThat(MinisignVerifier.verify(key, sign(MinisignSignature.Algorithm.PREHASHED, "timestamp:1\tfile:app.tar.gz"), file))
                .isEqualTo(new Verification.Valid("timestamp:1\tfile:app.tar.gz"));
        assertThat(MinisignVerifier.verify(key, sign(MinisignSignature.Algorithm.LEGACY, "legacy"), file))
                .isEqualTo(new Verification.Valid("legacy"));
    }

    @Test
    void aFlippedByteAnywhereIsRejectedWithItsReason() throws Exception {
        MinisignSignature good = sign(MinisignSignature.Algorithm.PREHASHED, "tc");

        byte[] content = Files.readAllBytes(file);
        content[content.length / 2] ^= 1;
        Path tampered = Files.write(dir.resolve("tampered"), content);
        assertThat(reason(MinisignVerifier.verify(key, good, tampered))).isEqualTo(Verification.Reason.BAD_SIGNATURE);

        byte[] sig = good.signature();
        sig[5] ^= 1;
        assertThat(reason(MinisignVerifier.verify(key, with(good, sig, good.trustedComment()), file)))
                .isEqualTo(Verification.Reason.BAD_SIGNATURE);

        assertThat(reason(MinisignVerifier.verify(key, with(good, good.signature(), "tc2"), file)))
                .isEqualTo(Verification.Reason.BAD_GLOBAL_SIGNATURE);

        byte[] otherKey = key.key();
        otherKey[0] ^= 1;
        assertThat(MinisignVerifier.verify(new MinisignPublicKey(key.keyId(), otherKey), good, file))
                .isInstanceOf(Verification.Invalid.class);

        assertThat(reason(MinisignVerifier.verify(new MinisignPublicKey(new byte[8], key.key()), good, file)))
                .isEqualTo(Verification.Reason.WRONG_KEY_ID);
    }

    @Test
    void fileFormatsRoundTrip() throws Exception {
        MinisignSignature signature = sign(MinisignSignature.Algorithm.PREHASHED, "tc");

        assertThat(MinisignSignature.parse(signature.toFileContent())).isEqualTo(signature);
        assertThat(MinisignPublicKey.parse(key.toFileContent())).isEqualTo(key);
        assertThat(key.keyIdHex()).isEqualTo("0807060504030201");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "one line", "untrusted comment: x\nAAAA\ntrusted comment: y\nAAAA\n",
            "untrusted comment: x\n!!notbase64!!\ntrusted comment: y\nAAAA\n", "a\nb\nc\nd\ne\n",
            "nope: x\nRUQ=\ntrusted comment: y\nAAAA\n"})
    void malformedSignaturesAreFormatErrors(String text) {
        assertThatThrownBy(() -> MinisignSignature.parse(text)).isInstanceOf(MinisignFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "RWQ=", "untrusted comment: x\nnot base64!", "a\nb\nc"})
    void malformedPublicKeysAreFormatErrors(String text) {
        assertThatThrownBy(() -> MinisignPublicKey.parse(text)).isInstanceOf(MinisignFormatException.class);
    }

    private MinisignSignature sign(MinisignSignature.Algorithm algorithm, String comment) throws Exception {
        byte[] message = algorithm == MinisignSignature.Algorithm.PREHASHED
                ? MinisignVerifier.blake2b512(file) : Files.readAllBytes(file);
        byte[] signature = ed25519(message);
        MinisignSignature unsealed = new MinisignSignature(algorithm, key.keyId(), signature, "u", comment, new byte[64]);
        return new MinisignSignature(algorithm, key.keyId(), signature, "u", comment, ed25519(unsealed.globalSignedBytes()));
    }

    private MinisignSignature with(MinisignSignature s, byte[] signature, String comment) {
        return new MinisignSignature(s.algorithm(), s.keyId(), signature, s.untrustedComment(), comment, s.globalSignature());
    }

    private byte[] ed25519(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, secret);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static Verification.Reason reason(Verification v) {
        assertThat(v).isInstanceOf(Verification.Invalid.class);
        return ((Verification.Invalid) v).reason();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
