package io.desktopstarter.updater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.updater.testing.Release;
import io.desktopstarter.updater.testing.TestPki;
import io.desktopstarter.updater.testing.TestSigner;
import io.desktopstarter.updater.testing.UpdateServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI jar, run as users run it. */
class UpdaterCliIT {
    static final byte[] ARTIFACT = "release ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    static final String NAME = "desktop-java-starter-javafx-linux-1.1.0-x64.tar.gz";

    @TempDir
    Path tmp;
    TestSigner signer = new TestSigner();
    Path publicKey;
    Path release;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        publicKey = signer.writePublicKey(tmp.resolve("release.pub"));
        release = tmp.resolve("release");
        Release.write(release, signer, "1.1.0", ARTIFACT, "https://updates.example.com/", f -> { });
    }

    Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("cli.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    @Test
    void makeKitThenVerifyKitAcceptsIt() throws Exception {
        Path kit = tmp.resolve("usb/kit");
        Run made = cli("make-kit", "--release", release.toString(), "--out", kit.toString());
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(kit.resolve("latest.json")).exists();
        assertThat(kit.resolve("latest.json.minisig")).exists();
        assertThat(kit.resolve(NAME)).hasBinaryContent(ARTIFACT);

        Run verified = cli("verify-kit", kit.toString(), "--public-key", publicKey.toString(), "--installed", "1.0.0",
                "--platform", "linux-x64-tar.gz");

        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out().strip()).isEqualTo("OK: 1.1.0 linux-x64-tar.gz " + kit.resolve(NAME));
    }

    @Test
    void aTamperedKitPrintsOneRejectedLineAndExitsOne() throws Exception {
        byte[] evil = ARTIFACT.clone();
        evil[7] ^= 1;
        Files.write(release.resolve(NAME), evil);

        Run run = cli("verify-kit", release.toString(), "--public-key", publicKey.toString(), "--installed", "1.0.0",
                "--platform", "linux-x64-tar.gz");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().toList()).singleElement().asString().startsWith("REJECTED: hash-mismatch ");
    }

    @Test
    void anOlderKitIsRefusedAsNotNewer() throws Exception {
        Run run = cli("verify-kit", release.toString(), "--public-key", publicKey.toString(), "--installed", "1.2.0",
                "--platform", "linux-x64-tar.gz");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("REJECTED: not-newer version 1.1.0 is older than the installed 1.2.0");
    }

    @Test
    void checkReadsAFeedOverHttpsTrustingTheGivenCa() throws Exception {
        TestPki pki = TestPki.shared();
        Path ca = Files.writeString(tmp.resolve("ca.pem"), pki.caPem());
        try (UpdateServer server = UpdateServer.https(pki.serverContext())) {
            server.put("/latest.json", Files.readAllBytes(release.resolve("latest.json")))
                    .put("/latest.json.minisig", Files.readAllBytes(release.resolve("latest.json.minisig")));

            Run run = cli("check", "--feed", server.url("/latest.json").toString(), "--ca-file", ca.toString(),
                    "--public-key", publicKey.toString(), "--installed", "1.0.0", "--platform", "linux-x64-tar.gz");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().strip()).isEqualTo("AVAILABLE: 1.1.0 linux-x64-tar.gz " + ARTIFACT.length
                    + " bytes https://updates.example.com/" + NAME);

            Run untrusted = cli("check", "--feed", server.url("/latest.json").toString(), "--public-key", publicKey.toString());
            assertThat(untrusted.exit()).isEqualTo(2);
            assertThat(untrusted.err()).startsWith("error: could not fetch").contains("SSLHandshakeException");
        }
    }

    @Test
    void badInputIsOneErrorLineAndExitTwo() throws Exception {
        Run run = cli("verify-kit", tmp.resolve("no-such-kit").toString(), "--public-key", publicKey.toString(),
                "--platform", "linux-x64-deb");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: ").contains("no-such-kit").doesNotContain("Exception");
    }
}
