package io.desktopstarter.distribution.cli;

import io.desktopstarter.contract.LauncherProperties;
import io.desktopstarter.contract.Platform;
import io.desktopstarter.distribution.codesign.PlatformSigning;
import io.desktopstarter.distribution.linux.DebDependencies;
import io.desktopstarter.distribution.linux.DebPackage;
import io.desktopstarter.distribution.linux.LibrarySearchPaths;
import io.desktopstarter.distribution.linux.LinuxRoot;
import io.desktopstarter.distribution.linux.RpmPackage;
import io.desktopstarter.distribution.linux.ShellLibraries;
import io.desktopstarter.distribution.packaging.AppContent;
import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.distribution.packaging.ChromiumNatives;
import io.desktopstarter.distribution.packaging.JPackager;
import io.desktopstarter.distribution.packaging.PortableArchive;
import io.desktopstarter.distribution.release.ReleaseSigning;
import io.desktopstarter.distribution.release.ReleaseWriter;
import io.desktopstarter.distribution.runtime.ShellRuntime;
import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.foundation.files.Trees;
import io.desktopstarter.staging.build.NativeStrip;
import io.desktopstarter.staging.build.StageException;
import io.desktopstarter.staging.manifest.ManifestException;
import io.desktopstarter.staging.manifest.Manifests;
import io.desktopstarter.staging.verify.TreeVerifier;
import io.desktopstarter.staging.verify.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds a release for the host OS from a built shell and a staged backend: shell runtime, app
 * image, installers, checksum manifest, and — with a release key — signatures, update feed and
 * update kit. Run by the distribution module's pom; prints one line per step and a size report.
 */
@Command(name = "desktop-starter-distribution", mixinStandardHelpOptions = true,
        description = "Builds installers, manifests, signatures and the update feed for one shell.")
public final class DistributionCli implements Callable<Integer> {
    @Option(names = "--shell", required = true, description = "javafx or swing") String shell;
    @Option(names = "--version", required = true) String version;
    @Option(names = "--shell-dir", required = true, description = "The shell module's target/ (jar + lib/).") Path shellDir;
    @Option(names = "--main-class", required = true) String mainClass;
    @Option(names = "--backend", required = true, description = "The staged backend tree.") Path backend;
    @Option(names = "--icon", required = true) Path icon;
    @Option(names = "--license", required = true) Path license;
    @Option(names = "--formats", required = true, split = ",", description = "deb,rpm,tar.gz | msi,exe | dmg,pkg") List<String> formats;
    @Option(names = "--work", required = true) Path work;
    @Option(names = "--out", required = true) Path out;
    @Option(names = "--timestamp", required = true, description = "project.build.outputTimestamp") String timestamp;
    @Option(names = "--base-url", required = true, description = "Where the release files will be served (feed URLs).") String baseUrl;
    @Option(names = "--feed-validity-days", defaultValue = "30") int feedValidityDays;
    @Option(names = "--min-version", defaultValue = "") String minVersion;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DistributionCli()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            build();
            return 0;
        } catch (BuildException | IOException | ManifestException | StageException e) {
            System.err.println("[distribution] FAILED: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("[distribution] FAILED: " + e);
            return 1;
        }
    }

    private void build() throws Exception {
        AppInfo app = new AppInfo(shell, version, Platform.current().os().id(), Platform.current().arch().id());
        Instant mtime = OffsetDateTime.parse(timestamp).toInstant();
        Clock clock = Clock.fixed(mtime, ZoneOffset.UTC);
        Path jar = shellDir.resolve("desktop-starter-shell-" + shell + "-" + version + ".jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(shellDir.resolve("lib"))) {
            throw new BuildException("no built shell at " + jar + " (+ lib/); build it first: ./mvnw -pl distribution -am verify -Dshell=" + shell);
        }
        VerifyReport staged = TreeVerifier.verify(backend, Manifests.read(backend));
        if (!staged.intact()) {
            throw new BuildException("the staged backend at " + backend + " does not match its manifest: " + staged.lines());
        }
        step("staged backend verified: " + staged.checked() + " files");

        Optional<ReleaseSigning> signing = ReleaseSigning.fromEnvironment(System.getenv(), clock);
        step(signing.map(s -> "release key " + s.keyId() + ": artifacts, manifest and update feed will be signed")
                .orElse("UNSIGNED BUILD: no release key (set " + ReleaseSigning.KEY_ENV + " and " + ReleaseSigning.PASSWORD_ENV
                        + "); no signatures, no update feed, no update kit"));

        Trees.delete(work);
        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(jar, input.resolve(jar.getFileName()));
        Trees.copy(shellDir.resolve("lib"), input.resolve("lib"));
        // App content, not input (jpackage puts every input jar on the shell's class path), named to sort after
        // lib/runtime: an installed launcher takes the first libjli.so in the package's file list (D-023).
        Path content = Files.createDirectories(work.resolve("content"));
        Trees.copy(backend, content.resolve("staged-backend"));
        boolean linux = app.os().equals("linux");
        List<AppContent> contents = new ArrayList<>(List.of(new AppContent(content.resolve("staged-backend"), LauncherProperties.BACKEND)));
        Optional<Path> chromium = ChromiumNatives.unpack(input.resolve("lib"), content.resolve(ChromiumNatives.FOLDER));
        if (chromium.isPresent()) {
            contents.add(new AppContent(chromium.get(), LauncherProperties.JCEF_DIR));
            if (linux) {
                NativeStrip.strip(chromium.get());
                LibrarySearchPaths.dropRelative(chromium.get()).forEach(f -> step("library search path without '.': " + f.getFileName()));
                ChromiumNatives.librariesNotExecutable(chromium.get());
            }
            step("Chromium unpacked for the app (natives jar removed from the class path): " + mb(Trees.size(chromium.get())));
        }
        if (signing.isPresent()) {
            ReleaseWriter.writeTrustedKeys(input.resolve("lib"), signing.get().publicKeyLine(), mtime);
        }

        List<String> modules = ShellRuntime.modules(jar, input.resolve("lib"));
        Path runtime = ShellRuntime.build(modules, work.resolve("runtime"));
        if (linux) {
            NativeStrip.strip(runtime);
        }
        step("shell runtime: " + modules.size() + " modules " + modules + ", " + mb(Trees.size(runtime)));

        // On Linux the image is made in place inside the packages' file system root (/opt/<package>).
        LinuxRoot root = new LinuxRoot(work.resolve("root"), app);
        JPackager jpackage = new JPackager(app, icon, license);
        Path image = jpackage.appImage(input, contents, jar.getFileName().toString(), mainClass, runtime,
                linux ? root.image().getParent() : work.resolve("image"));
        if (linux) {
            NativeStrip.strip(image.resolve("bin"), image.resolve("lib/libapplauncher.so"));
            root.addDesktopIntegration(icon, license);
        }
        PlatformSigning codesign = new PlatformSigning(System.getenv(), DistributionCli::step);
        switch (app.os()) {
            case "windows" -> codesign.authenticode(List.of(image.resolve(app.packageName() + ".exe")));
            case "macos" -> codesign.macApp(image, work.resolve("codesign"));
            default -> { } // Linux packages carry minisign signatures only (below), as DESIGN.md says
        }
        step("app image: " + image + ", " + mb(Trees.size(image)));

        Trees.delete(out);
        Files.createDirectories(out);
        Map<String, Path> installers = new LinkedHashMap<>();
        for (String format : formats) {
            Path named = out.resolve(app.artifactName(format));
            Path formatted = JPackager.withFormat(image, format);
            switch (format) {
                case "tar.gz" -> PortableArchive.write(formatted, app.packageName(), version, mtime, named);
                case "deb" -> DebPackage.build(root, DebDependencies.of(image, ShellLibraries.of(shell).debian()), mtime, named);
                case "rpm" -> RpmPackage.build(root, ShellLibraries.of(shell).fedora(), mtime, work.resolve("rpm"), named);
                default -> {
                    Path built = jpackage.installer(format, formatted, work.resolve("pkg-" + format));
                    Files.move(built, named);
                    if (app.os().equals("windows")) {
                        codesign.authenticode(List.of(named));
                    }
                }
            }
            installers.put(format, named);
            step(format + ": " + named.getFileName() + ", " + mb(Files.size(named)));
        }

        ReleaseWriter writer = new ReleaseWriter(app, out, baseUrl, signing, clock, feedValidityDays, minVersion);
        List<String> written = writer.write(installers, work.resolve("kit"));
        written.forEach(line -> step(line));
        sizeReport(installers, runtime, image);
    }

    private void sizeReport(Map<String, Path> installers, Path runtime, Path image) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("size report (" + shell + "):");
        for (Map.Entry<String, Path> e : installers.entrySet()) {
            lines.add(String.format("  %-8s %10s  %s", e.getKey(), mb(Files.size(e.getValue())), e.getValue().getFileName()));
        }
        lines.add(String.format("  %-8s %10s  (installed app image)", "image", mb(Trees.size(image))));
        lines.add(String.format("  %-8s %10s  (shell jlink runtime)", "runtime", mb(Trees.size(runtime))));
        lines.add(String.format("  %-8s %10s  (staged backend)", "backend", mb(Trees.size(backend))));
        lines.forEach(DistributionCli::step);
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static void step(String line) {
        System.out.println("[distribution] " + line);
    }
}
