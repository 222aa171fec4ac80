package io.desktopstarter.distribution.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.distribution.TestApps;
import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.distribution.release.ReleaseSigning;
import io.desktopstarter.distribution.release.ReleaseWriter;
import io.desktopstarter.signing.keys.KdfLimits;
import io.desktopstarter.signing.keys.SecretKey;
import io.desktopstarter.signing.keys.SecretKeyFile;
import io.desktopstarter.updater.feed.FeedParser;
import io.desktopstarter.updater.feed.UpdateFeed;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release workflow's publish job on real (small) builds made by the real {@link ReleaseWriter}: three OS jobs,
 * merged into one feed per shell, checked with the key the app has built in, and every way it must refuse.
 */
class ReleaseToolsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Path keyFile;
    ReleaseSigning signing;
    SecretKey key;

    @BeforeEach
    void releaseKey() throws Exception {
        key = SecretKeyFile.generate();
        keyFile = Files.writeString(tmp.resolve("release.key"), SecretKeyFile.encode(key, "pw".toCharArray(), KdfLimits.INTERACTIVE));
        signing = signingWith(keyFile);
    }

    static ReleaseSigning signingWith(Path keyFile) throws Exception {
        return ReleaseSigning.fromEnvironment(Map.of(ReleaseSigning.KEY_ENV, keyFile.toString(), ReleaseSigning.PASSWORD_ENV, "pw"), CLOCK)
                .orElseThrow();
    }

    /** One OS job's build, as the workflow downloads it into parts/release-<shell>-<os>/. */
    Path build(String shell, String os, String version, List<PackageFormat> formats, ReleaseSigning by) throws Exception {
        AppInfo app = new AppInfo(TestApps.META, shell, shell, version, version, os, "x64");
        Path out = Files.createDirectories(tmp.resolve("parts/release-" + shell + "-" + os));
        Map<PackageFormat, Path> installers = new LinkedHashMap<>();
        for (PackageFormat format : formats) {
            Path file = out.resolve(app.artifactName(format));
            if (format == PackageFormat.TAR_GZ) {
                portableArchive(file, app, by);
            } else {
                Files.writeString(file, format + " installer of " + shell + " " + version + " ".repeat(2000));
            }
            installers.put(format, file);
        }
        new ReleaseWriter(app, out, "https://github.com/o/r/releases/download/v" + version + "/", Optional.of(by), CLOCK, 30, "")
                .write(installers, tmp.resolve("work-" + shell + "-" + os));
        return out;
    }

    /** A portable archive holding the key jar the build puts into the app. */
    void portableArchive(Path file, AppInfo app, ReleaseSigning by) throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("image-" + app.shell()));
        ReleaseWriter.writeTrustedKeys(lib, "Desktop Java Starter", by.publicKeyLine(),
                URI.create("https://github.com/o/r/releases/latest/download/latest-" + app.shell() + ".json"), CLOCK.instant());
        byte[] jar = Files.readAllBytes(lib.resolve(BuiltInReleaseKeys.KEY_JAR));
        try (OutputStream raw = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            TarArchiveEntry entry = new TarArchiveEntry(app.packageName() + "/versions/" + app.version() + "/lib/app/" + BuiltInReleaseKeys.KEY_JAR);
            entry.setSize(jar.length);
            tar.putArchiveEntry(entry);
            tar.write(jar);
            tar.closeArchiveEntry();
        }
    }

    void threeBuilds(String version) throws Exception {
        build("javafx", "linux", version, List.of(PackageFormat.DEB, PackageFormat.TAR_GZ), signing);
        build("javafx", "windows", version, List.of(PackageFormat.MSI), signing);
        build("swing", "linux", version, List.of(PackageFormat.TAR_GZ), signing);
    }

    List<String> mergeAndCheck(Path assets, String version) throws Exception {
        List<ReleasePart> parts = ReleasePart.find(tmp.resolve("parts"));
        List<io.desktopstarter.minisign.MinisignPublicKey> keys = BuiltInReleaseKeys.of(parts);
        new ReleaseAssembly(keys, signing).assemble(parts, assets);
        return new PublishCheck(keys).problems(assets, parts, version, Set.of("javafx", "swing"));
    }

    @Test
    void threeOsBuildsBecomeOneSignedFeedPerShellAndPassTheCheck() throws Exception {
        threeBuilds("1.2.0");
        Path assets = tmp.resolve("assets");

        assertThat(mergeAndCheck(assets, "1.2.0")).isEmpty();

        UpdateFeed javafx = FeedParser.parse(Files.readAllBytes(assets.resolve("latest-javafx.json")));
        assertThat(javafx.platforms().keySet()).extracting(Object::toString)
                .containsExactlyInAnyOrder("linux-x64-deb", "linux-x64-tar.gz", "windows-x64-msi");
        assertThat(FeedParser.parse(Files.readAllBytes(assets.resolve("latest-swing.json"))).platforms()).hasSize(1);
        assertThat(assets.resolve("latest-javafx.json.minisig")).exists();
        assertThat(assets.resolve("minisign.pub")).content().contains(key.publicKey().keyIdHex());
        assertThat(assets.resolve("release-notes.md")).content().contains("javafx, linux").contains("javafx, windows")
                .contains("swing, linux");
        assertThat(assets.resolve("release.json")).doesNotExist();
    }

    @Test
    void aFileChangedAfterTheMergeFailsTheCheck() throws Exception {
        threeBuilds("1.2.0");
        Path assets = tmp.resolve("assets");
        assertThat(mergeAndCheck(assets, "1.2.0")).isEmpty();
        Path msi = assets.resolve("desktop-java-starter-javafx-windows-1.2.0-x64.msi");
        Files.writeString(msi, "swapped", java.nio.file.StandardOpenOption.APPEND);

        List<ReleasePart> parts = ReleasePart.find(tmp.resolve("parts"));
        List<String> problems = new PublishCheck(BuiltInReleaseKeys.of(parts)).problems(assets, parts, "1.2.0", Set.of("javafx", "swing"));
        assertThat(problems).anyMatch(p -> p.contains(msi.getFileName() + ": its signature does not verify"))
                .anyMatch(p -> p.contains("does not match its line in"))
                .anyMatch(p -> p.startsWith("latest-javafx.json: windows-x64-msi"));
    }

    @Test
    void theCheckWantsEveryShellAndTheTagsVersion() throws Exception {
        build("javafx", "linux", "1.2.0", List.of(PackageFormat.TAR_GZ), signing);
        Path assets = tmp.resolve("assets");
        assertThat(mergeAndCheck(assets, "1.2.1")).anyMatch(p -> p.contains("no swing build was downloaded"))
                .anyMatch(p -> p.contains("latest-swing.json is missing"))
                .anyMatch(p -> p.contains("is version 1.2.0, the tag says 1.2.1"));
    }

    @Test
    void aBuildSignedWithAnotherKeyIsRefused() throws Exception {
        build("javafx", "linux", "1.2.0", List.of(PackageFormat.TAR_GZ), signing);
        Path otherKey = Files.writeString(tmp.resolve("other.key"),
                SecretKeyFile.encode(SecretKeyFile.generate(), "pw".toCharArray(), KdfLimits.INTERACTIVE));
        build("javafx", "windows", "1.2.0", List.of(PackageFormat.MSI), signingWith(otherKey));

        assertThatThrownBy(() -> mergeAndCheck(tmp.resolve("assets"), "1.2.0")).isInstanceOf(PublishException.class)
                .hasMessageContaining("windows-x64-msi").hasMessageContaining("not by a release key the app has built in");
    }

    @Test
    void buildsOfDifferentVersionsOrUnsignedBuildsAreRefused() throws Exception {
        build("javafx", "linux", "1.2.0", List.of(PackageFormat.TAR_GZ), signing);
        build("javafx", "windows", "1.2.1", List.of(PackageFormat.MSI), signing);
        assertThatThrownBy(() -> mergeAndCheck(tmp.resolve("a"), "1.2.0")).hasMessageContaining("one release has one version");

        AppInfo mac = new AppInfo(TestApps.META, "javafx", "javafx", "1.2.0", "1.2.0", "macos", "x64");
        Path unsigned = Files.createDirectories(tmp.resolve("unsigned/release-javafx-macos"));
        Path dmg = Files.writeString(unsigned.resolve(mac.artifactName(PackageFormat.DMG)), "dmg");
        new ReleaseWriter(mac, unsigned, "https://x/", Optional.empty(), CLOCK, 30, "").write(Map.of(PackageFormat.DMG, dmg), tmp.resolve("w"));
        List<ReleasePart> parts = ReleasePart.find(tmp.resolve("unsigned"));
        assertThatThrownBy(() -> new ReleaseAssembly(List.of(key.publicKey()), signing).assemble(parts, tmp.resolve("b")))
                .hasMessageContaining("built without the release key");
        assertThatThrownBy(() -> BuiltInReleaseKeys.of(parts)).hasMessageContaining("an unsigned release cannot be published");
    }

    @Test
    void theWorkflowsCommandsMergeAndCheckWithTheirExitCodes() throws Exception {
        threeBuilds("1.2.0");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Map<String, String> env = Map.of(ReleaseSigning.KEY_ENV, keyFile.toString(), ReleaseSigning.PASSWORD_ENV, "pw");

        Run merge = run(env, java, "-cp", cp, "io.desktopstarter.distribution.cli.ReleaseTools", "merge",
                "--parts=" + tmp.resolve("parts"), "--out=" + tmp.resolve("assets"));
        assertThat(merge.exit()).as(merge.output()).isZero();
        assertThat(merge.output()).contains("latest-javafx.json (+ .minisig): merged from 2 build(s), signed once");
        Run check = run(Map.of(), java, "-cp", cp, "io.desktopstarter.distribution.cli.ReleaseTools", "check",
                "--parts=" + tmp.resolve("parts"), "--version=1.2.0", "--shells=javafx,swing", tmp.resolve("assets").toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("release complete: publish");

        Files.delete(tmp.resolve("assets/desktop-java-starter-swing-linux-1.2.0-x64.tar.gz.minisig"));
        Run red = run(Map.of(), java, "-cp", cp, "io.desktopstarter.distribution.cli.ReleaseTools", "check",
                "--parts=" + tmp.resolve("parts"), "--version=1.2.0", "--shells=javafx,swing", tmp.resolve("assets").toString());
        assertThat(red.exit()).isEqualTo(1);
        assertThat(red.output()).contains("desktop-java-starter-swing-linux-1.2.0-x64.tar.gz.minisig is missing").contains("do not publish");

        Run noKey = run(Map.of(), java, "-cp", cp, "io.desktopstarter.distribution.cli.ReleaseTools", "merge",
                "--parts=" + tmp.resolve("parts"), "--out=" + tmp.resolve("assets2"));
        assertThat(noKey.exit()).isEqualTo(1);
        assertThat(noKey.output()).contains("REFUSED: DESKTOP_STARTER_SIGNING_KEY is not set");
    }

    record Run(int exit, String output) {
    }

    static Run run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(ReleaseSigning.KEY_ENV);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
