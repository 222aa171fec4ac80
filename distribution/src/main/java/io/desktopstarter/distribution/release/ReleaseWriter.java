package io.desktopstarter.distribution.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.foundation.digest.Sha256;
import io.desktopstarter.signing.checksums.ChecksumManifest;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.kit.UpdateKit;
import io.desktopstarter.updater.trust.BuiltInKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Everything after the installers: checksum manifest, signatures, update feed, update kit,
 * release.json, release notes and package-manager manifests. Signed parts are skipped (and the
 * build says so once) when no release key is configured.
 */
public final class ReleaseWriter {
    private final AppInfo app;
    private final Path out;
    private final String baseUrl;
    private final Optional<ReleaseSigning> signing;
    private final Clock clock;
    private final int feedValidityDays;
    private final String minVersion;

    public ReleaseWriter(AppInfo app, Path out, String baseUrl, Optional<ReleaseSigning> signing, Clock clock, int feedValidityDays,
            String minVersion) {
        this.app = app;
        this.out = out;
        this.baseUrl = baseUrl;
        this.signing = signing;
        this.clock = clock;
        this.feedValidityDays = feedValidityDays;
        this.minVersion = minVersion;
    }

    /** The release key compiled into the app: a tiny jar the shell's manifest Class-Path names. */
    public static void writeTrustedKeys(Path libDir, String appName, String publicKeyLine, java.net.URI feedUrl, Instant mtime)
            throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream raw = Files.newOutputStream(libDir.resolve("desktop-starter-release-keys.jar"));
                JarOutputStream jar = new JarOutputStream(raw)) {
            JarEntry entry = new JarEntry(BuiltInKeys.RESOURCE);
            entry.setTimeLocal(LocalDateTime.ofInstant(mtime, ZoneOffset.UTC)); // no time zone in the DOS field
            jar.putNextEntry(entry);
            jar.write(("# " + appName + " release key (updates must be signed by it or a key it rotated in)\n"
                    + publicKeyLine + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            // Beside the key, so an app that can check updates also knows where (updater BuiltInFeed, D-042).
            JarEntry feed = new JarEntry(io.desktopstarter.updater.settings.BuiltInFeed.RESOURCE);
            feed.setTimeLocal(LocalDateTime.ofInstant(mtime, ZoneOffset.UTC));
            jar.putNextEntry(feed);
            jar.write(io.desktopstarter.updater.settings.BuiltInFeed.content(feedUrl.toString()).getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }

    public List<String> write(Map<PackageFormat, Path> installers, Path kitWork) throws IOException {
        return write(installers, Map.of(), kitWork);
    }

    /**
     * As above, plus files attached to the release beside the installers (the SBOM, the third-party notices): each is
     * copied as {@code <package>-<os>-<version>-<arch>-<suffix>}, listed in the checksum manifest and signed, but not
     * offered as an update.
     *
     * @param attachments file → suffix of its release name
     */
    public List<String> write(Map<PackageFormat, Path> installers, Map<Path, String> attachments, Path kitWork)
            throws IOException {
        List<String> log = new ArrayList<>();
        List<Artifact> artifacts = new ArrayList<>();
        for (Map.Entry<PackageFormat, Path> e : installers.entrySet()) {
            artifacts.add(describe(e.getValue(), Optional.of(new PlatformKey(app.os(), app.arch(), e.getKey()).toString())));
        }
        Map<String, String> signatures = new LinkedHashMap<>();
        if (signing.isPresent()) {
            for (Artifact a : artifacts) {
                signatures.put(a.name(), signing.get().sign(a.file()));
            }
            String feedName = FeedWriter.fileName(app.shell());
            Path feed = Files.write(out.resolve(feedName), FeedWriter.feed(app.meta().id(), app.shell(), app.version(), clock.instant(),
                    Duration.ofDays(feedValidityDays), app.meta().name() + " " + app.version() + " (" + app.shell() + ")",
                    minVersion, baseUrl, artifacts, signatures));
            signing.get().sign(feed);
            log.add("update feed: " + feedName + " (+ .minisig), base URL " + baseUrl + ", expires in " + feedValidityDays + " days");
            Path kitDir = kitWork.resolve("kit");
            UpdateKit.make(feed, out, kitDir, List.of());
            Path kit = Archives.tar(kitDir, out.resolve(app.packageName() + "-" + app.os() + "-" + app.version() + "-" + app.arch()
                    + "-update-kit.tar"), clock.instant());
            artifacts.add(describe(kit, Optional.empty()));
            signatures.put(kit.getFileName().toString(), signing.get().sign(kit));
            log.add("update kit: " + kit.getFileName() + " (verify with: desktop-starter-updater verify-kit <unpacked dir>)");
        }
        // Every artifact was hashed once above. The feed is not listed: it has its own signature, and the release
        // workflow replaces this build's feed with one merged from every OS's build.
        Map<String, String> digests = new LinkedHashMap<>();
        artifacts.forEach(a -> digests.put(a.name(), a.sha256()));
        for (Map.Entry<Path, String> attachment : new TreeMap<>(attachments).entrySet()) {
            Path copy = Files.copy(attachment.getKey(), out.resolve(app.packageName() + "-" + app.os() + "-" + app.version() + "-"
                    + app.arch() + "-" + attachment.getValue()), StandardCopyOption.REPLACE_EXISTING);
            digests.put(copy.getFileName().toString(), Sha256.hex(copy));
            if (signing.isPresent()) {
                signing.get().sign(copy);
            }
            log.add("attached: " + copy.getFileName() + (signing.isPresent() ? " (+ .minisig)" : ""));
        }
        Path manifest = Files.writeString(out.resolve(app.manifestName()), ChecksumManifest.format(digests));
        signing.ifPresent(s -> {
            try {
                s.sign(manifest);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        log.add("checksum manifest: " + manifest.getFileName() + (signing.isPresent() ? " (+ .minisig)" : " (unsigned)"));

        for (Map.Entry<String, String> file : PackageManagerManifests.generate(app, baseUrl, artifacts).entrySet()) {
            Path target = out.resolve("package-managers").resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
            log.add("package-manager manifest: package-managers/" + file.getKey());
        }
        Files.writeString(out.resolve("release.json"), releaseJson(artifacts));
        Files.writeString(out.resolve("release-notes.md"), releaseNotes(artifacts));
        log.add("release.json, release-notes.md");
        return log;
    }

    private Artifact describe(Path file, Optional<String> platform) throws IOException {
        return new Artifact(file, Files.size(file), Sha256.hex(file), platform);
    }

    private String releaseJson(List<Artifact> artifacts) throws IOException {
        ObjectNode root = FeedWriter.JSON.createObjectNode();
        root.put("app", app.meta().id()).put("shell", app.shell()).put("os", app.os()).put("arch", app.arch())
                .put("version", app.version()).put("created", clock.instant().toString()).put("signed", signing.isPresent());
        signing.ifPresent(s -> root.put("release_key", s.publicKeyLine()));
        ArrayNode list = root.putArray("artifacts");
        for (Artifact a : artifacts) {
            ObjectNode item = list.addObject().put("name", a.name()).put("size", a.size()).put("sha256", a.sha256());
            a.platform().ifPresent(p -> item.put("platform", p));
            if (signing.isPresent()) {
                item.put("signature", a.name() + ".minisig");
            }
        }
        return FeedWriter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private String releaseNotes(List<Artifact> artifacts) {
        StringBuilder notes = new StringBuilder("# " + app.meta().name() + " " + app.version() + " (" + app.shell() + ", "
                + app.os() + ")\n\n| file | size | sha256 |\n|---|---|---|\n");
        for (Artifact a : artifacts) {
            notes.append("| ").append(a.name()).append(" | ").append(a.size()).append(" | `").append(a.sha256()).append("` |\n");
        }
        notes.append("\nVerify: `sha256sum -c ").append(app.manifestName()).append("`");
        notes.append(signing.map(s -> " and `minisign -Vm " + app.manifestName() + " -P " + s.publicKeyLine() + "`.\n")
                .orElse(". This build is unsigned.\n"));
        return notes.toString();
    }
}
