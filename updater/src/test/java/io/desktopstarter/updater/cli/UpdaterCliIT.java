package io.desktopstarter.updater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.testsupport.Required;
import io.desktopstarter.updater.testing.MinisignTool;
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
        Process process = process(List.of(args), tmp.resolve("out.txt"));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("out.txt.err")));
    }

    /** Starts the CLI jar; stdout goes to {@code out}, stderr beside it ({@code out.err}). */
    Process process(List<String> args, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("cli.jar")));
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile()).start();
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

    /**
     * The report of issue 15, replayed as it was found: keys made by the real minisign, feeds and key
     * lists signed by it, one --app-data folder carried across runs. Built-in key OLD.
     */
    @Test
    void aRotationMadeWithRealMinisignSurvivesBothStepsAndNothingReplayedUndoesIt() throws Exception {
        Required.tool("minisign", "minisign");
        Path keys = Files.createDirectories(tmp.resolve("keys"));
        Path old = MinisignTool.keygen(keys, "old");
        Path neu = MinisignTool.keygen(keys, "new");
        Path appData = tmp.resolve("app-data");

        Path step1 = minisignKit(keys, "new", "2.1.0", "2026-11-11");
        minisignKeyList(step1, keys, "old", "2026-11-10", "\"public_key\": \"" + MinisignTool.keyLine(neu) + "\"");
        assertThat(verifyKit(step1, old, appData).out()).startsWith("OK: 2.1.0 ");

        Path step2 = minisignKit(keys, "new", "2.2.0", "2026-11-13");
        minisignKeyList(step2, keys, "new", "2026-11-12", "\"public_key\": \"" + MinisignTool.keyLine(neu) + "\"",
                "\"public_key\": \"" + MinisignTool.keyLine(old) + "\", \"revoked\": true");
        assertThat(verifyKit(step2, old, appData).out()).startsWith("OK: 2.2.0 ");

        Run byRevokedKey = verifyKit(minisignKit(keys, "old", "2.4.0", "2026-11-14"), old, appData);
        assertThat(byRevokedKey.exit()).isEqualTo(1);
        assertThat(byRevokedKey.out()).startsWith("REJECTED: revoked-key ");

        assertThat(verifyKit(minisignKit(keys, "new", "2.4.0", "2026-11-15"), old, appData).out()).startsWith("OK: 2.4.0 ");

        Path replayed = minisignKit(keys, "new", "2.5.0", "2026-11-16");
        Files.copy(step1.resolve("keys.json"), replayed.resolve("keys.json"));
        Files.copy(step1.resolve("keys.json.minisig"), replayed.resolve("keys.json.minisig"));
        Run replay = verifyKit(replayed, old, appData);
        assertThat(replay.exit()).isEqualTo(1);
        assertThat(replay.out()).startsWith("REJECTED: revoked-key ");

        Path newer = minisignKit(keys, "new", "3.0.0", "2026-11-20");
        assertThat(cli("check", "--feed", newer.resolve("latest.json").toString(), "--public-key", old.toString(),
                "--installed", "1.0.0", "--platform", "linux-x64-tar.gz", "--app-data", appData.toString()).out())
                .as("the user postpones 3.0.0").startsWith("AVAILABLE: 3.0.0 ");
        Run older = cli("check", "--feed", minisignKit(keys, "new", "2.9.0", "2026-11-18").resolve("latest.json").toString(),
                "--public-key", old.toString(), "--installed", "1.0.0", "--platform", "linux-x64-tar.gz", "--app-data",
                appData.toString());
        assertThat(older.exit()).isEqualTo(1);
        assertThat(older.out()).startsWith("REJECTED: stale-feed ");
    }

    @Test
    void checksRunAtOnceInSeveralProcessesLoseNoUpdateOfTheState() throws Exception {
        TestSigner neu = new TestSigner();
        Path appData = tmp.resolve("app-data");
        List<Path> kits = new ArrayList<>();
        Path rotation = tmp.resolve("kit-rotation");
        Release.write(rotation, neu, "1.9.0", ARTIFACT, "https://updates.example.com/", f -> f.put("pub_date", "2026-11-20T00:00:00Z"));
        Release.writeKeyList(rotation, signer, neu, false, "2026-11-19T00:00:00Z");
        kits.add(rotation);
        for (int i = 1; i <= 3; i++) {
            Path kit = tmp.resolve("kit-" + i);
            String day = "2026-11-1" + i + "T00:00:00Z";
            Release.write(kit, signer, "1." + i + ".0", ARTIFACT, "https://updates.example.com/", f -> f.put("pub_date", day));
            kits.add(kit);
        }
        List<Process> running = new ArrayList<>();
        for (Path kit : kits) {
            running.add(process(List.of("verify-kit", kit.toString(), "--public-key", publicKey.toString(), "--installed", "1.0.0",
                    "--platform", "linux-x64-tar.gz", "--app-data", appData.toString()), tmp.resolve(kit.getFileName() + ".out")));
        }
        for (Process process : running) {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isIn(0, 1);
        }

        Path byNewKeyAlone = tmp.resolve("kit-after");
        Release.write(byNewKeyAlone, neu, "2.0.0", ARTIFACT, "https://updates.example.com/", f -> f.put("pub_date", "2026-11-21T00:00:00Z"));
        Run after = cli("verify-kit", byNewKeyAlone.toString(), "--public-key", publicKey.toString(), "--installed", "1.0.0",
                "--platform", "linux-x64-tar.gz", "--app-data", appData.toString());
        assertThat(after.out()).as("the rotation accepted by one process is kept by all").startsWith("OK: 2.0.0 ");
        Run stale = cli("verify-kit", kits.get(3).toString(), "--public-key", publicKey.toString(), "--installed", "1.0.0",
                "--platform", "linux-x64-tar.gz", "--app-data", appData.toString());
        assertThat(stale.out()).startsWith("REJECTED: stale-feed ");
    }

    @Test
    void aDamagedTrustStateIsOneErrorLineNamingTheFile() throws Exception {
        Path appData = tmp.resolve("app-data");
        Path state = Files.createDirectories(appData.resolve("updates")).resolve("trust.json");
        Files.writeString(state, "{\"schema\": 1, \"state\": {\"key_li");

        Run run = cli("verify-kit", release.toString(), "--public-key", publicKey.toString(), "--installed", "1.0.0",
                "--platform", "linux-x64-tar.gz", "--app-data", appData.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: the update trust state " + state).contains("Updates stay off")
                .doesNotContain("Exception");
        assertThat(Files.readString(state)).isEqualTo("{\"schema\": 1, \"state\": {\"key_li");
    }

    /** The machine's clock set years back and forward with libfaketime: a clear rejection, no crash, nothing stored. */
    @Test
    void aClockYearsOffGivesAClearRejectionAndStoresNothing() throws Exception {
        Required.tool("faketime", "faketime");
        Path appData = tmp.resolve("app-data");
        Path expiring = tmp.resolve("expiring");
        Release.write(expiring, signer, "1.1.0", ARTIFACT, "https://updates.example.com/", f -> f.put("expires", "2030-01-01T00:00:00Z"));
        List<String> verify = List.of("verify-kit", expiring.toString(), "--public-key", publicKey.toString(), "--installed", "1.0.0",
                "--platform", "linux-x64-tar.gz", "--app-data", appData.toString());

        Run behind = faketime("2021-11-23 12:00:00", verify);
        assertThat(behind.exit()).as(behind.err()).isEqualTo(1);
        assertThat(behind.out()).startsWith("REJECTED: future-feed the feed is dated 2026-11-20T00:00:00Z, after this computer's clock (2021-11-23");

        Run ahead = faketime("2032-01-01 00:00:00", verify);
        assertThat(ahead.exit()).as(ahead.err()).isEqualTo(1);
        assertThat(ahead.out()).startsWith("REJECTED: expired the feed expired at 2030-01-01T00:00:00Z (this computer's clock says 2032-01-01");
        assertThat(appData).doesNotExist();
    }

    Run faketime(String at, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("faketime", at, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("cli.jar")));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectOutput(tmp.resolve("fake.out").toFile())
                .redirectError(tmp.resolve("fake.err").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(tmp.resolve("fake.out")), Files.readString(tmp.resolve("fake.err")));
    }

    Run verifyKit(Path kit, Path builtInKey, Path appData) throws Exception {
        return cli("verify-kit", kit.toString(), "--public-key", builtInKey.toString(), "--installed", "1.0.0", "--platform",
                "linux-x64-tar.gz", "--app-data", appData.toString());
    }

    /** A kit whose artifact and feed are signed by the real minisign with key {@code signer}. */
    Path minisignKit(Path keys, String signer, String version, String day) throws Exception {
        Path kit = Files.createDirectories(tmp.resolve("kit-" + signer + "-" + version + "-" + day));
        String name = "desktop-java-starter-javafx-linux-" + version + "-x64.tar.gz";
        Path artifact = Files.write(kit.resolve(name), ARTIFACT);
        var feed = Release.feed(version, "https://updates.example.com/" + name, ARTIFACT, MinisignTool.sign(keys, signer, artifact));
        feed.put("pub_date", day + "T00:00:00Z");
        Files.delete(kit.resolve(name + ".minisig"));
        Files.write(kit.resolve("latest.json"), Release.JSON.writeValueAsBytes(feed));
        MinisignTool.sign(keys, signer, kit.resolve("latest.json"));
        return kit;
    }

    /** keys.json with the given key entries (JSON members), signed by the real minisign with {@code signer}. */
    void minisignKeyList(Path kit, Path keys, String signer, String day, String... entries) throws Exception {
        StringBuilder json = new StringBuilder("{\"schema\": 1, \"app\": \"desktop-java-starter\", \"pub_date\": \"" + day
                + "T00:00:00Z\", \"keys\": [");
        for (int i = 0; i < entries.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{").append(entries[i]).append("}");
        }
        Files.writeString(kit.resolve("keys.json"), json.append("]}\n"));
        MinisignTool.sign(keys, signer, kit.resolve("keys.json"));
    }

    @Test
    void badInputIsOneErrorLineAndExitTwo() throws Exception {
        Run run = cli("verify-kit", tmp.resolve("no-such-kit").toString(), "--public-key", publicKey.toString(),
                "--platform", "linux-x64-deb");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: ").contains("no-such-kit").doesNotContain("Exception");
    }
}
