package io.desktopstarter.distribution.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.distribution.TestApps;
import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.distribution.packaging.AppMetadata;
import io.desktopstarter.foundation.archive.TarGzExtractor;
import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.MinisignVerifier;
import io.desktopstarter.minisign.Verification;
import io.desktopstarter.signing.checksums.ChecksumManifest;
import io.desktopstarter.signing.keys.KdfLimits;
import io.desktopstarter.signing.keys.SecretKey;
import io.desktopstarter.signing.keys.SecretKeyFile;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.flow.UpdateCheck;
import io.desktopstarter.updater.kit.UpdateKit;
import io.desktopstarter.updater.policy.FeedPolicy;
import io.desktopstarter.updater.policy.UrlPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a signed release adds, checked with the updater's own verifier (small stand-in installers). */
class ReleaseWriterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    Map<PackageFormat, Path> installers(Path out, AppInfo app) throws Exception {
        Files.createDirectories(out);
        Map<PackageFormat, Path> installers = new LinkedHashMap<>();
        for (PackageFormat format : List.of(PackageFormat.DEB, PackageFormat.RPM, PackageFormat.TAR_GZ)) {
            installers.put(format, Files.writeString(out.resolve(app.artifactName(format)), format + " bytes ".repeat(1000)));
        }
        return installers;
    }

    /** A rebuilder has the published public key only: the key jar it builds into the app is the signed build's. */
    @Test
    void aRebuildWithThePublishedKeyBuildsTheSameKeyJarAsTheSignedBuild() throws Exception {
        SecretKey key = SecretKeyFile.generate();
        Path keyFile = Files.writeString(tmp.resolve("release.key"), SecretKeyFile.encode(key, "pw".toCharArray(), KdfLimits.INTERACTIVE));
        ReleaseSigning signing = ReleaseSigning.fromEnvironment(Map.of(ReleaseSigning.KEY_ENV, keyFile.toString(),
                ReleaseSigning.PASSWORD_ENV, "pw"), CLOCK).orElseThrow();
        Path published = Files.writeString(tmp.resolve("release.pub"), key.publicKey().toFileContent());
        java.net.URI feed = java.net.URI.create("https://downloads.example.com/latest-javafx.json");
        Path signed = Files.createDirectories(tmp.resolve("signed"));
        Path rebuilt = Files.createDirectories(tmp.resolve("rebuilt"));

        ReleaseWriter.writeTrustedKeys(signed, "Desktop Java Starter", signing.publicKeyLine(), feed, CLOCK.instant());
        String line = ReleaseSigning.publishedKeyLine(Map.of(ReleaseSigning.PUBLISHED_KEY_ENV, published.toString())).orElseThrow();
        ReleaseWriter.writeTrustedKeys(rebuilt, "Desktop Java Starter", line, feed, CLOCK.instant());

        assertThat(Files.readAllBytes(rebuilt.resolve("desktop-starter-release-keys.jar")))
                .isEqualTo(Files.readAllBytes(signed.resolve("desktop-starter-release-keys.jar")));
        assertThat(ReleaseSigning.publishedKeyLine(Map.of())).isEmpty();
        Path notAKey = Files.writeString(tmp.resolve("not.pub"), "hello");
        assertThatThrownBy(() -> ReleaseSigning.publishedKeyLine(Map.of(ReleaseSigning.PUBLISHED_KEY_ENV, notAKey.toString())))
                .hasMessageContaining("not a minisign public key");
    }

    @Test
    void aSignedReleaseHasSignaturesAFeedTheUpdaterAcceptsAndAKit() throws Exception {
        AppInfo app = TestApps.javafx("1.2.0");
        Path out = tmp.resolve("release");
        SecretKey key = SecretKeyFile.generate();
        Path keyFile = Files.writeString(tmp.resolve("release.key"), SecretKeyFile.encode(key, "pw".toCharArray(), KdfLimits.INTERACTIVE));
        ReleaseSigning signing = ReleaseSigning.fromEnvironment(Map.of(ReleaseSigning.KEY_ENV, keyFile.toString(),
                ReleaseSigning.PASSWORD_ENV, "pw"), CLOCK).orElseThrow();

        List<String> log = new ReleaseWriter(app, out, "https://downloads.example.com/1.2.0/", Optional.of(signing), CLOCK, 30, "1.0.0")
                .write(installers(out, app), tmp.resolve("work"));

        MinisignPublicKey publicKey = key.publicKey();
        for (String name : List.of(app.artifactName(PackageFormat.DEB), app.manifestName(), "latest-javafx.json",
                "desktop-java-starter-javafx-linux-1.2.0-x64-update-kit.tar")) {
            MinisignSignature signature = MinisignSignature.parse(Files.readString(out.resolve(name + ".minisig")));
            assertThat(MinisignVerifier.verify(publicKey, signature, out.resolve(name))).as(name).isInstanceOf(Verification.Valid.class);
        }
        // Installers and the kit; not the feed, which the release workflow replaces with the merged one.
        assertThat(ChecksumManifest.check(out.resolve(app.manifestName()))).allMatch(e -> e.status() == ChecksumManifest.Status.OK)
                .hasSize(4);
        assertThat(log).anyMatch(l -> l.startsWith("update feed: latest-javafx.json"));

        // The updater accepts the feed, for each Linux format, as an installed 1.1.0 would see it.
        Path kit = tmp.resolve("unpacked");
        Files.createDirectories(kit);
        assertThat(new ProcessBuilder("tar", "-xf", out.resolve("desktop-java-starter-javafx-linux-1.2.0-x64-update-kit.tar").toString(),
                "-C", kit.toString()).start().waitFor()).isZero();
        Path kitDir = kit.resolve("desktop-java-starter-javafx-linux-1.2.0-x64-update-kit");
        for (PackageFormat format : List.of(PackageFormat.DEB, PackageFormat.RPM, PackageFormat.TAR_GZ)) {
            UpdateCheck check = new UpdateCheck(List.of(publicKey), UrlPolicy.HTTPS_ONLY, Optional.empty(), CLOCK);
            UpdateKit.Verdict verdict = UpdateKit.verify(kitDir, check, new FeedPolicy.Installation("desktop-java-starter",
                    Optional.of("javafx"), SemanticVersion.parse("1.1.0"), new PlatformKey("linux", "x64", format)), CLOCK);
            assertThat(verdict).as(format.id()).isInstanceOf(UpdateKit.Verdict.Accepted.class);
        }
        assertThat(Files.readString(out.resolve("latest-javafx.json"))).contains("\"url\" : \"https://downloads.example.com/1.2.0/"
                + app.artifactName(PackageFormat.DEB) + "\"").contains("\"min_version\" : \"1.0.0\"");
    }

    @Test
    void anUnsignedReleaseStillHasItsManifestAndMetadataButNoFeed() throws Exception {
        AppInfo app = TestApps.javafx("1.2.0");
        Path out = tmp.resolve("release");

        new ReleaseWriter(app, out, "https://d.example/", Optional.empty(), CLOCK, 30, "").write(installers(out, app), tmp.resolve("w"));

        assertThat(out.resolve(app.manifestName())).exists();
        assertThat(out.resolve("release.json")).content().contains("\"signed\" : false");
        assertThat(out.resolve("release-notes.md")).content().contains("unsigned");
        assertThat(out.resolve("latest-javafx.json")).doesNotExist();
        try (var list = Files.list(out)) {
            assertThat(list.filter(p -> p.toString().endsWith(".minisig"))).isEmpty();
        }
    }

    @Test
    void packageManagerManifestsCarryTheRealUrlsAndHashes() {
        List<Artifact> artifacts = List.of(
                new Artifact(Path.of("desktop-java-starter-javafx-macos-1.2.0-arm64.dmg"), 10, "ab".repeat(32), Optional.of("macos-arm64-dmg")),
                new Artifact(Path.of("desktop-java-starter-javafx-windows-1.2.0-x64.msi"), 10, "cd".repeat(32), Optional.of("windows-x64-msi")));

        Map<String, String> files = PackageManagerManifests.generate(TestApps.javafx("1.2.0"), "https://d.example/r", artifacts);

        assertThat(files).containsKeys("homebrew/desktop-java-starter-javafx.rb", "scoop/desktop-java-starter-javafx.json",
                "winget/DesktopStarter.DesktopJavaStarterJavaFX.installer.yaml");
        assertThat(files.get("homebrew/desktop-java-starter-javafx.rb")).contains("sha256 \"" + "ab".repeat(32) + "\"")
                .contains("url \"https://d.example/r/desktop-java-starter-javafx-macos-1.2.0-arm64.dmg\"");
        assertThat(files.get("winget/DesktopStarter.DesktopJavaStarterJavaFX.installer.yaml")).contains("CD".repeat(32))
                .contains("InstallerUrl: https://d.example/r/desktop-java-starter-javafx-windows-1.2.0-x64.msi");
        assertThat(PackageManagerManifests.generate(TestApps.javafx("1.2.0"), "https://d.example/", List.of())).isEmpty();
    }

    @Test
    void packageManagerManifestsSayWhatThePomsMetadataSays() {
        AppMetadata meta = new AppMetadata("acme-notes", "Acme Notes", "Acme Corp", "Acme <ops@acme.example>",
                "https://acme.example/notes", "Notes kept on this computer", "Acme Notes keeps notes.", "2027", "Apache-2.0");
        AppInfo app = new AppInfo(meta, "swing", "Swing", "2.0.0", "2.0.0", "windows", "x64");
        List<Artifact> artifacts = List.of(
                new Artifact(Path.of("acme-notes-swing-macos-2.0.0-arm64.dmg"), 10, "ab".repeat(32), Optional.of("macos-arm64-dmg")),
                new Artifact(Path.of("acme-notes-swing-windows-2.0.0-x64.msi"), 10, "cd".repeat(32), Optional.of("windows-x64-msi")));

        Map<String, String> files = PackageManagerManifests.generate(app, "https://d.example/r", artifacts);

        assertThat(files).containsOnlyKeys("homebrew/acme-notes-swing.rb", "scoop/acme-notes-swing.json",
                "winget/DesktopStarter.AcmeNotesSwing.yaml", "winget/DesktopStarter.AcmeNotesSwing.installer.yaml",
                "winget/DesktopStarter.AcmeNotesSwing.locale.en-US.yaml");
        assertThat(files.get("homebrew/acme-notes-swing.rb")).contains("homepage \"https://acme.example/notes\"")
                .contains("desc \"Notes kept on this computer\"").contains("app \"Acme Notes.app\"")
                .contains("Application Support/acme-notes\"");
        assertThat(files.get("scoop/acme-notes-swing.json")).contains("\"license\": \"Apache-2.0\"")
                .contains("\"homepage\": \"https://acme.example/notes\"");
        assertThat(files.get("winget/DesktopStarter.AcmeNotesSwing.locale.en-US.yaml")).contains("Publisher: Acme Corp")
                .contains("License: Apache-2.0").contains("PackageUrl: https://acme.example/notes")
                .contains("ShortDescription: Notes kept on this computer");
        assertThat(String.join("", files.values())).doesNotContain("${").doesNotContain("Desktop Java Starter")
                .doesNotContain("MIT");
    }

    @Test
    void aTemplateAskingForAnUnknownValueFailsInsteadOfPublishingIt() {
        assertThatThrownBy(() -> TextTemplate.fill("t", "name ${nmae}", Map.of("name", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("${nmae}");
        assertThat(TextTemplate.fill("t", "a ${name} $b", Map.of("name", "$1\\x"))).isEqualTo("a $1\\x $b");
    }

    @Test
    void thePortableArchiveIsByteIdenticalWhenBuiltTwice() throws Exception {
        Path image = Files.createDirectories(tmp.resolve("image/bin"));
        Files.writeString(image.resolve("desktop-java-starter-javafx"), "#!/bin/sh\n").toFile().setExecutable(true);
        Files.writeString(Files.createDirectories(tmp.resolve("image/lib/app")).resolve("a.txt"), "a");
        Path first = io.desktopstarter.distribution.packaging.PortableArchive.write(tmp.resolve("image"), "desktop-java-starter-javafx",
                "1.2.0", CLOCK.instant(), tmp.resolve("one.tar.gz"));
        Files.setLastModifiedTime(image.resolve("desktop-java-starter-javafx"), java.nio.file.attribute.FileTime.from(Instant.now()));
        Path second = io.desktopstarter.distribution.packaging.PortableArchive.write(tmp.resolve("image"), "desktop-java-starter-javafx",
                "1.2.0", CLOCK.instant(), tmp.resolve("two.tar.gz"));

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        TarGzExtractor.extract(first, tmp.resolve("x"));
        assertThat(Files.readSymbolicLink(tmp.resolve("x/desktop-java-starter-javafx/current")).toString()).isEqualTo("versions/1.2.0");
        assertThat(Files.isExecutable(tmp.resolve("x/desktop-java-starter-javafx/versions/1.2.0/bin/desktop-java-starter-javafx"))).isTrue();
    }

    @Test
    void theKeyJarTellsTheAppItsKeyAndWhereItsUpdatesAre() throws Exception {
        SecretKey key = SecretKeyFile.generate();
        String keyLine = key.publicKey().toFileContent().lines().toList().get(1);
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        ReleaseWriter.writeTrustedKeys(lib, "Desktop Java Starter", keyLine,
                java.net.URI.create("https://github.com/o/r/releases/latest/download/latest-javafx.json"), CLOCK.instant());

        // Read back the way the installed app does: from its class path.
        try (java.net.URLClassLoader app = new java.net.URLClassLoader(
                new java.net.URL[] {lib.resolve("desktop-starter-release-keys.jar").toUri().toURL()}, null)) {
            assertThat(io.desktopstarter.updater.trust.BuiltInKeys.load(app)).extracting(MinisignPublicKey::keyIdHex)
                    .containsExactly(key.publicKey().keyIdHex());
            assertThat(io.desktopstarter.updater.settings.BuiltInFeed.load(app))
                    .contains("https://github.com/o/r/releases/latest/download/latest-javafx.json");
        }
    }
}
