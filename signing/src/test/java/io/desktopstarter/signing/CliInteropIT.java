package io.desktopstarter.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static io.desktopstarter.signing.ExternalTools.tool;

import io.desktopstarter.testsupport.Required;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped CLI jar against the real tools: minisign (both directions) and sha256sum. A missing
 * tool skips locally and fails when CI=true.
 */
class CliInteropIT {
    @TempDir
    Path dir;
    Path artifact;

    private ExternalTools.Run cli(String stdin, String... args) throws Exception {
        return ExternalTools.cli(dir, Map.of(), stdin, args);
    }

    @BeforeEach
    void artifact() throws Exception {
        artifact = Files.writeString(dir.resolve("desktop-java-starter-javafx-linux-1.0.0-x64.deb"), "deb ".repeat(50_000));
        Files.writeString(dir.resolve("pw"), "p4ss word\n");
    }

    @Test
    void ourSignaturesVerifyWithMinisignAndTheirsWithUs() throws Exception {
        Required.tool("minisign", "minisign");
        assertThat(cli(null, "keygen", "--secret-key", "k.sec", "--public-key", "k.pub", "--password-file", "pw",
                "--kdf", "interactive").code()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("k.sec"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(cli(null, "sign", "--secret-key", "k.sec", "--password-file", "pw", "--trusted-comment", "release 1.0.0",
                artifact.getFileName().toString()).code()).isZero();

        ExternalTools.Run minisignVerify = tool(dir, null, "minisign", "-V", "-p", "k.pub", "-m", artifact.getFileName().toString());
        assertThat(minisignVerify.code()).as(minisignVerify.err()).isZero();
        assertThat(minisignVerify.out()).contains("Trusted comment: release 1.0.0");

        ExternalTools.Run theirKey = tool(dir, null, "minisign", "-G", "-W", "-p", "m.pub", "-s", "m.sec", "-f");
        assertThat(theirKey.code()).isZero();
        assertThat(tool(dir, null, "minisign", "-S", "-s", "m.sec", "-m", artifact.getFileName().toString(), "-x", "m.minisig").code())
                .isZero();
        ExternalTools.Run ours = cli(null, "verify", "--public-key", "m.pub", "--signature", "m.minisig", artifact.getFileName().toString());
        assertThat(ours.code()).isZero();
        assertThat(ours.out()).contains("Trusted comment: timestamp:");

        ExternalTools.Run legacy = tool(dir, null, "minisign", "-S", "-l", "-s", "m.sec", "-m", artifact.getFileName().toString(), "-x", "l.minisig");
        assertThat(legacy.code()).isZero();
        assertThat(cli(null, "verify", "--public-key", "m.pub", "--signature", "l.minisig", artifact.getFileName().toString()).code())
                .isZero();

        assertThat(tool(dir, "p4ss word\n", "minisign", "-S", "-s", "k.sec", "-m", artifact.getFileName().toString(), "-x", "x.minisig")
                .code()).as("minisign signs with our encrypted key").isZero();
        assertThat(cli(null, "verify", "--public-key", "k.pub", "--signature", "x.minisig", artifact.getFileName().toString()).code())
                .isZero();
    }

    @Test
    void minisignsOwnEncryptedKeyWorksWithOurSigner() throws Exception {
        Required.tool("minisign", "minisign");
        assertThat(tool(dir, "p4ss word\np4ss word\n", "minisign", "-G", "-p", "e.pub", "-s", "e.sec", "-f").code()).isZero();

        assertThat(cli(null, "sign", "--secret-key", "e.sec", "--password-file", "pw", artifact.getFileName().toString()).code()).isZero();
        assertThat(tool(dir, null, "minisign", "-V", "-p", "e.pub", "-m", artifact.getFileName().toString()).code()).isZero();

        Files.writeString(dir.resolve("bad"), "nope\n");
        ExternalTools.Run wrong = cli(null, "sign", "--secret-key", "e.sec", "--password-file", "bad", artifact.getFileName().toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err().strip()).isEqualTo("error: wrong password for the secret key");
    }

    @Test
    void verifyNamesEachKindOfTampering() throws Exception {
        cli(null, "keygen", "--secret-key", "k.sec", "--public-key", "k.pub", "--unencrypted", "--kdf", "interactive");
        cli(null, "sign", "--secret-key", "k.sec", artifact.getFileName().toString());
        Path sig = dir.resolve(artifact.getFileName() + ".minisig");
        List<String> lines = Files.readAllLines(sig);

        Files.writeString(artifact, "deb ".repeat(50_000) + "!");
        assertThat(cli(null, "verify", "--public-key", "k.pub", artifact.getFileName().toString()).err()).contains("bad signature");
        Files.writeString(artifact, "deb ".repeat(50_000));

        Files.write(sig, List.of(lines.get(0), lines.get(1), "trusted comment: forged", lines.get(3)));
        ExternalTools.Run forged = cli(null, "verify", "--public-key", "k.pub", artifact.getFileName().toString());
        assertThat(forged.code()).isEqualTo(1);
        assertThat(forged.err()).contains("bad global signature");

        Files.writeString(sig, "not a signature");
        ExternalTools.Run malformed = cli(null, "verify", "--public-key", "k.pub", artifact.getFileName().toString());
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).contains("not a minisign signature");
    }

    @Test
    void keygenRefusesToOverwriteWithoutForce() throws Exception {
        cli(null, "keygen", "--secret-key", "k.sec", "--public-key", "k.pub", "--unencrypted", "--kdf", "interactive");
        String before = Files.readString(dir.resolve("k.sec"));

        ExternalTools.Run again = cli(null, "keygen", "--secret-key", "k.sec", "--public-key", "k.pub", "--unencrypted", "--kdf", "interactive");

        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists; pass --force");
        assertThat(Files.readString(dir.resolve("k.sec"))).isEqualTo(before);
        assertThat(cli(null, "keygen", "--secret-key", "k.sec", "--public-key", "k.pub", "--unencrypted", "--force",
                "--kdf", "interactive").code()).isZero();
        assertThat(Files.readString(dir.resolve("k.sec"))).isNotEqualTo(before);
    }

    @Test
    void checksumManifestsInteroperateWithSha256sum() throws Exception {
        Required.tool("sha256sum", "coreutils");
        Path second = Files.writeString(dir.resolve("b.rpm"), "rpm");
        assertThat(cli(null, "checksums", "--output", "SHA256SUMS.txt", artifact.getFileName().toString(), "b.rpm").code()).isZero();
        assertThat(Files.readAllLines(dir.resolve("SHA256SUMS.txt")).getFirst()).endsWith("  b.rpm");

        ExternalTools.Run gnu = tool(dir, null, "sha256sum", "-c", "SHA256SUMS.txt");
        assertThat(gnu.code()).as(gnu.out()).isZero();
        assertThat(cli(null, "checksums", "--check", "SHA256SUMS.txt").out()).contains("b.rpm: OK");

        Files.writeString(second, "rpm changed");
        Files.delete(artifact);
        ExternalTools.Run check = cli(null, "checksums", "--check", "SHA256SUMS.txt");
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains("b.rpm: FAILED", artifact.getFileName() + ": FAILED open or read");

        Files.writeString(dir.resolve("theirs.txt"), tool(dir, null, "sha256sum", "b.rpm").out());
        assertThat(cli(null, "checksums", "--check", "theirs.txt").out()).contains("b.rpm: OK");
    }
}
