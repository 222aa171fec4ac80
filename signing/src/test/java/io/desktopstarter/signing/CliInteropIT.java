package io.desktopstarter.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void artifact() throws Exception {
        artifact = Files.writeString(dir.resolve("desktop-java-starter-javafx-linux-1.0.0-x64.deb"), "deb ".repeat(50_000));
        Files.writeString(dir.resolve("pw"), "p4ss word\n");
    }

    @Test
    void ourSignaturesVerifyWithMinisignAndTheirsWithUs() throws Exception {
        requireTool("minisign");
        assertThat(cli("keygen", "--secret-key", "k.sec", "--public-key", "k.pub", "--password-file", "pw",
                "--kdf", "interactive").code()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("k.sec"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(cli("sign", "--secret-key", "k.sec", "--password-file", "pw", "--trusted-comment", "release 1.0.0",
                artifact.getFileName().toString()).code()).isZero();

        Run minisignVerify = tool(null, "minisign", "-V", "-p", "k.pub", "-m", artifact.getFileName().toString());
        assertThat(minisignVerify.code()).as(minisignVerify.err()).isZero();
        assertThat(minisignVerify.out()).contains("Trusted comment: release 1.0.0");

        Run theirKey = tool(null, "minisign", "-G", "-W", "-p", "m.pub", "-s", "m.sec", "-f");
        assertThat(theirKey.code()).isZero();
        assertThat(tool(null, "minisign", "-S", "-s", "m.sec", "-m", artifact.getFileName().toString(), "-x", "m.minisig").code())
                .isZero();
        Run ours = cli("verify", "--public-key", "m.pub", "--signature", "m.minisig", artifact.getFileName().toString());
        assertThat(ours.code()).isZero();
        assertThat(ours.out()).contains("Trusted comment: timestamp:");

        Run legacy = tool(null, "minisign", "-S", "-l", "-s", "m.sec", "-m", artifact.getFileName().toString(), "-x", "l.minisig");
        assertThat(legacy.code()).isZero();
        assertThat(cli("verify", "--public-key", "m.pub", "--signature", "l.minisig", artifact.getFileName().toString()).code())
                .isZero();

        assertThat(tool("p4ss word\n", "minisign", "-S", "-s", "k.sec", "-m", artifact.getFileName().toString(), "-x", "x.minisig")
                .code()).as("minisign signs with our encrypted key").isZero();
        assertThat(cli("verify", "--public-key", "k.pub", "--signature", "x.minisig", artifact.getFileName().toString()).code())
                .isZero();
    }

    @Test
    void minisignsOwnEncryptedKeyWorksWithOurSigner() throws Exception {
        requireTool("minisign");
        assertThat(tool("p4ss word\np4ss word\n", "minisign", "-G", "-p", "e.pub", "-s", "e.sec", "-f").code()).isZero();

        assertThat(cli("sign", "--secret-key", "e.sec", "--password-file", "pw", artifact.getFileName().toString()).code()).isZero();
        assertThat(tool(null, "minisign", "-V", "-p", "e.pub", "-m", artifact.getFileName().toString()).code()).isZero();

        Files.writeString(dir.resolve("bad"), "nope\n");
        Run wrong = cli("sign", "--secret-key", "e.sec", "--password-file", "bad", artifact.getFileName().toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err().strip()).isEqualTo("error: wrong password for the secret key");
    }

    @Test
    void verifyNamesEachKindOfTampering() throws Exception {
        cli("keygen", "--secret-key", "k.sec", "--public-key", "k.pub", "--unencrypted", "--kdf", "interactive");
        cli("sign", "--secret-key", "k.sec", artifact.getFileName().toString());
        Path sig = dir.resolve(artifact.getFileName() + ".minisig");
        List<String> lines = Files.readAllLines(sig);

        Files.writeString(artifact, "deb ".repeat(50_000) + "!");
        assertThat(cli("verify", "--public-key", "k.pub", artifact.getFileName().toString()).err()).contains("bad signature");
        Files.writeString(artifact, "deb ".repeat(50_000));

        Files.write(sig, List.of(lines.get(0), lines.get(1), "trusted comment: forged", lines.get(3)));
        Run forged = cli("verify", "--public-key", "k.pub", artifact.getFileName().toString());
        assertThat(forged.code()).isEqualTo(1);
        assertThat(forged.err()).contains("bad global signature");

        Files.writeString(sig, "not a signature");
        Run malformed = cli("verify", "--public-key", "k.pub", artifact.getFileName().toString());
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).contains("not a minisign signature");
    }

    @Test
    void keygenRefusesToOverwriteWithoutForce() throws Exception {
        cli("keygen", "--secret-key", "k.sec", "--public-key", "k.pub", "--unencrypted", "--kdf", "interactive");
        String before = Files.readString(dir.resolve("k.sec"));

        Run again = cli("keygen", "--secret-key", "k.sec", "--public-key", "k.pub", "--unencrypted", "--kdf", "interactive");

        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists; pass --force");
        assertThat(Files.readString(dir.resolve("k.sec"))).isEqualTo(before);
        assertThat(cli("keygen", "--secret-key", "k.sec", "--public-key", "k.pub", "--unencrypted", "--force",
                "--kdf", "interactive").code()).isZero();
        assertThat(Files.readString(dir.resolve("k.sec"))).isNotEqualTo(before);
    }

    @Test
    void checksumManifestsInteroperateWithSha256sum() throws Exception {
        requireTool("sha256sum");
        Path second = Files.writeString(dir.resolve("b.rpm"), "rpm");
        assertThat(cli("checksums", "--output", "SHA256SUMS.txt", artifact.getFileName().toString(), "b.rpm").code()).isZero();
        assertThat(Files.readAllLines(dir.resolve("SHA256SUMS.txt")).getFirst()).endsWith("  b.rpm");

        Run gnu = tool(null, "sha256sum", "-c", "SHA256SUMS.txt");
        assertThat(gnu.code()).as(gnu.out()).isZero();
        assertThat(cli("checksums", "--check", "SHA256SUMS.txt").out()).contains("b.rpm: OK");

        Files.writeString(second, "rpm changed");
        Files.delete(artifact);
        Run check = cli("checksums", "--check", "SHA256SUMS.txt");
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains("b.rpm: FAILED", artifact.getFileName() + ": FAILED open or read");

        Files.writeString(dir.resolve("theirs.txt"), tool(null, "sha256sum", "b.rpm").out());
        assertThat(cli("checksums", "--check", "theirs.txt").out()).contains("b.rpm: OK");
    }

    private Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-jar",
                System.getProperty("cli.jar")));
        command.addAll(List.of(args));
        return exec(command, null);
    }

    private Run tool(String stdin, String... command) throws Exception {
        return exec(List.of(command), stdin);
    }

    private Run exec(List<String> command, String stdin) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private static void requireTool(String name) {
        boolean present = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, name)));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(name + " is required in CI (Debian package '" + name + "')");
        }
        assumeTrue(present, name + " not installed");
    }
}
