package io.desktopstarter.distribution.build;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.contract.Platform;
import io.desktopstarter.contract.ShellPackaging;
import io.desktopstarter.distribution.linux.LinuxRoot;
import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.distribution.release.ReleaseSigning;
import io.desktopstarter.distribution.tools.BuildException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One release build: its settings, the shell's packaging data, the app it describes, where each step leaves its
 * result (fixed folders under {@code work}, so the steps after the app image, which run in a second process, find
 * what the first ones made) and what the steps found (the release key, the installers).
 */
public final class BuildContext {
    private final BuildSettings settings;
    private final ShellPackaging shell;
    private final AppInfo app;
    private final Platform platform;
    private final Consumer<String> log;
    private String step = "start";
    private Optional<ReleaseSigning> signing = Optional.empty();
    private final Map<PackageFormat, Path> installers = new LinkedHashMap<>();

    private BuildContext(BuildSettings settings, ShellPackaging shell, Platform platform, Consumer<String> log) {
        this.settings = settings;
        this.shell = shell;
        this.platform = platform;
        this.app = AppInfo.of(settings.app(), shell, settings.version(), settings.packageVersion(), platform);
        this.log = log;
    }

    /** Reads the shell's packaging data from its jar; a missing jar or file is a {@link BuildException} saying what to build. */
    public static BuildContext open(BuildSettings settings, Platform platform, Consumer<String> log) throws BuildException, IOException {
        Path jar = settings.shellJar();
        if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.resolveSibling("lib"))) {
            throw new BuildException("no built shell at " + jar + " (+ lib/); build it first: ./mvnw -pl distribution -am verify");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(ShellPackaging.RESOURCE);
            if (entry == null) {
                throw new BuildException(jar + " has no " + ShellPackaging.RESOURCE + ": the shell does not say how to package it");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new BuildContext(settings, ShellPackaging.read(in), platform, log);
            }
        }
    }

    public BuildSettings settings() {
        return settings;
    }

    public ShellPackaging shell() {
        return shell;
    }

    public AppInfo app() {
        return app;
    }

    public Platform.Os os() {
        return platform.os();
    }

    /** A line about the current step: {@code <step>: <line>}. */
    public void log(String line) {
        log.accept(step + ": " + line);
    }

    void enter(String stepName) {
        this.step = stepName;
    }

    /** {@code project.build.outputTimestamp}: every file time in the packages. */
    public Instant mtime() {
        return OffsetDateTime.parse(settings.timestamp()).toInstant();
    }

    /** A clock stopped at {@link #mtime()}: the release's dates (feed, signatures' trusted comments) depend on the sources only. */
    public Clock clock() {
        return Clock.fixed(mtime(), ZoneOffset.UTC);
    }

    public Optional<ReleaseSigning> signing() {
        return signing;
    }

    void signing(Optional<ReleaseSigning> key) {
        this.signing = key;
    }

    /** Format → installer, in the order they were built. */
    public Map<PackageFormat, Path> installers() {
        return Collections.unmodifiableMap(installers);
    }

    void installer(PackageFormat format, Path file) {
        installers.put(format, file);
    }

    /** jpackage's {@code --input}: the shell jar and its libraries. */
    public Path input() {
        return settings.work().resolve("input");
    }

    public Path inputLib() {
        return input().resolve("lib");
    }

    /** Folders the image carries beside its class path (jpackage's {@code --app-content}). */
    public Path content() {
        return settings.work().resolve("content");
    }

    /**
     * The backend as app content, not input (jpackage puts every input jar on the shell's class path), in a folder
     * named to sort after {@code lib/runtime}: an installed launcher takes the first {@code libjli.so} in the package's
     * file list (D-023).
     */
    public Path stagedBackend() {
        return content().resolve("staged-backend");
    }

    /** The package's SBOM and third-party notices, app content beside the staged backend. */
    public Path legal() {
        return content().resolve("legal");
    }

    public Path runtime() {
        return settings.work().resolve("runtime");
    }

    /** The icon the app image and the Linux menu entry use. */
    public Path icon() {
        return settings.work().resolve("icon.png");
    }

    /** The shell's part of the app-image command: jpackage {@code @file}. */
    public Path jpackageArguments() {
        return settings.work().resolve("jpackage-shell.args");
    }

    /** The app image as jpackage names it: {@code <package>}, {@code <package>.app} on macOS. */
    public Path image() {
        return settings.imageDest().resolve(app.packageName() + (platform.os() == Platform.Os.MACOS ? ".app" : ""));
    }

    /** The deb's and rpm's file-system root; the image is made inside it, at {@code /opt/<package>} (D-025). */
    public LinuxRoot linuxRoot() {
        return new LinuxRoot(settings.work().resolve("root"), app);
    }
}
