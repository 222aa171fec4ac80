package io.desktopstarter.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.MinisignVerifier;
import io.desktopstarter.minisign.Verification;
import io.desktopstarter.signing.keys.KdfLimits;
import io.desktopstarter.signing.keys.KeyFormatException;
import io.desktopstarter.signing.keys.SecretKey;
import io.desktopstarter.signing.keys.SecretKeyFile;
import io.desktopstarter.signing.keys.WrongPasswordException;
import io.desktopstarter.signing.sign.MinisignSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysAndSignaturesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void encryptedKeyRoundTripsAndSignsVerifiably() throws Exception {
        SecretKey key = SecretKeyFile.generate();
        String file = SecretKeyFile.encode(key, "correct horse".toCharArray(), KdfLimits.INTERACTIVE);

        SecretKey back = SecretKeyFile.decode(file, "correct horse".toCharArray());
        Path artifact = Files.writeString(dir.resolve("app.deb"), "x".repeat(100_000));
        MinisignSignature signature = new MinisignSigner(back, CLOCK).sign(artifact, null);

        assertThat(SecretKeyFile.isEncrypted(file)).isTrue();
        assertThat(back.publicKey()).isEqualTo(key.publicKey());
        assertThat(signature.trustedComment()).isEqualTo("timestamp:1795435200\tfile:app.deb\thashed");
        assertThat(MinisignVerifier.verify(key.publicKey(), signature, artifact)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void wrongPasswordAndMissingPasswordAreToldApart() {
        String file = SecretKeyFile.encode(SecretKeyFile.generate(), "right".toCharArray(), KdfLimits.INTERACTIVE);

        assertThatThrownBy(() -> SecretKeyFile.decode(file, "wrong".toCharArray()))
                .isInstanceOf(WrongPasswordException.class).hasMessage("wrong password for the secret key");
        assertThatThrownBy(() -> SecretKeyFile.decode(file, null))
                .isInstanceOf(WrongPasswordException.class).hasMessageContaining("--password-file");
    }

    @Test
    void unencryptedKeyNeedsNoPassword() throws Exception {
        SecretKey key = SecretKeyFile.generate();
        String file = SecretKeyFile.encode(key, null, KdfLimits.INTERACTIVE);

        assertThat(SecretKeyFile.isEncrypted(file)).isFalse();
        assertThat(SecretKeyFile.decode(file, null).publicKey()).isEqualTo(key.publicKey());
    }

    @Test
    void damagedKeyFilesAreFormatErrors() {
        String file = SecretKeyFile.encode(SecretKeyFile.generate(), null, KdfLimits.INTERACTIVE);
        String[] lines = file.split("\n");
        byte[] raw = Base64.getDecoder().decode(lines[1]);
        raw[100] ^= 1;
        String flipped = lines[0] + "\n" + Base64.getEncoder().encodeToString(raw) + "\n";

        assertThatThrownBy(() -> SecretKeyFile.decode(flipped, null)).isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> SecretKeyFile.decode("untrusted comment: x\nAAAA\n", null))
                .isInstanceOf(KeyFormatException.class);
        assertThatThrownBy(() -> SecretKeyFile.decode("garbage", null)).isInstanceOf(KeyFormatException.class);
    }

    @Test
    void hostileScryptLimitsAreRefusedBeforeAllocating() {
        assertThatThrownBy(() -> new KdfLimits(1L << 40, 1L << 45).scrypt())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refusing");
    }

    @Test
    void scryptParametersMatchLibsodium() {
        assertThat(KdfLimits.SENSITIVE.scrypt()).isEqualTo(new KdfLimits.Scrypt(1 << 20, 8, 1));
        assertThat(KdfLimits.INTERACTIVE.scrypt()).isEqualTo(new KdfLimits.Scrypt(1 << 14, 8, 1));
    }
}
