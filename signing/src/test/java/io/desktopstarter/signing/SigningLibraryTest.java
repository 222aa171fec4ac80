package io.desktopstarter.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.minisign.Verification;
import io.desktopstarter.signing.checksums.ChecksumManifest;
import io.desktopstarter.signing.keys.KdfLimits;
import io.desktopstarter.signing.keys.KeyPairFiles;
import io.desktopstarter.signing.keys.PasswordFile;
import io.desktopstarter.signing.keys.SecretKey;
import io.desktopstarter.signing.sign.MinisignSigner;
import io.desktopstarter.signing.sign.SignatureFiles;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the signing CLI's commands do, called as the library the CLI now only wraps. */
class SigningLibraryTest {
    @TempDir
    Path dir;

    @Test
    void aPasswordFileIsItsFirstLineWithoutTheLineBreak() throws Exception {
        assertThat(PasswordFile.read(Files.writeString(dir.resolve("crlf"), "s3cret\r\nignored\n"))).containsExactly("s3cret".toCharArray());
        assertThat(PasswordFile.read(Files.writeString(dir.resolve("bare"), "pw"))).containsExactly("pw".toCharArray());
        assertThatThrownBy(() -> PasswordFile.read(Files.writeString(dir.resolve("empty"), "\nsecond")))
                .hasMessageContaining("is empty");
    }

    @Test
    void keygenNeverOverwritesHalfAKeyPairUnlessTold() throws Exception {
        Path secret = dir.resolve("release.key");
        Path pub = Files.writeString(dir.resolve("release.pub"), "old public key");

        assertThatThrownBy(() -> KeyPairFiles.create(secret, pub, Optional.empty(), KdfLimits.INTERACTIVE, false))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("--force");
        assertThat(secret).doesNotExist();
        assertThat(pub).hasContent("old public key");

        SecretKey key = KeyPairFiles.create(secret, pub, Optional.of("pw".toCharArray()), KdfLimits.INTERACTIVE, true);
        assertThat(pub).content().contains(key.publicKey().keyIdHex());
    }

    @Test
    void signAllChecksEveryFileFirstAndSignaturesVerifyBeside() throws Exception {
        Path secret = dir.resolve("k.key");
        Path pub = dir.resolve("k.pub");
        SecretKey key = KeyPairFiles.create(secret, pub, Optional.empty(), KdfLimits.INTERACTIVE, false);
        Path a = Files.writeString(dir.resolve("a.deb"), "a");
        MinisignSigner signer = new MinisignSigner(key, Clock.systemUTC());

        assertThatThrownBy(() -> SignatureFiles.signAll(signer, List.of(a, dir.resolve("missing.rpm")), null, (f, s) -> { }))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(SignatureFiles.signatureOf(a)).as("nothing signed when one file is missing").doesNotExist();

        List<Path> signed = new ArrayList<>();
        SignatureFiles.signAll(signer, List.of(a), null, (f, s) -> signed.add(s));
        assertThat(signed).containsExactly(dir.resolve("a.deb.minisig"));
        assertThat(SignatureFiles.verify(pub, Optional.empty(), a)).isInstanceOf(Verification.Valid.class);
        Files.writeString(a, "changed");
        assertThat(SignatureFiles.verify(pub, Optional.empty(), a)).isInstanceOf(Verification.Invalid.class);
    }

    @Test
    void aWrittenManifestChecksAndCountsFailures() throws Exception {
        Path a = Files.writeString(dir.resolve("a.deb"), "a");
        Path b = Files.writeString(dir.resolve("b.rpm"), "b");
        Path manifest = dir.resolve("sha256.txt");

        ChecksumManifest.write(manifest, List.of(a, b));
        assertThat(ChecksumManifest.failures(ChecksumManifest.check(manifest))).isZero();
        Files.writeString(b, "tampered");
        Files.delete(a);
        assertThat(ChecksumManifest.failures(ChecksumManifest.check(manifest))).isEqualTo(2);
    }
}
