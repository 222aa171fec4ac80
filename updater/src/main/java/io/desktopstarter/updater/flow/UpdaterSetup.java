package io.desktopstarter.updater.flow;

import io.desktopstarter.contract.LauncherProperties;
import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.contract.Platform;
import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.updater.download.DownloadSettings;
import io.desktopstarter.updater.feed.FeedFormatException;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.install.CommandRunner;
import io.desktopstarter.updater.install.InstallOutcome;
import io.desktopstarter.updater.install.Installer;
import io.desktopstarter.updater.install.MacAppInstall;
import io.desktopstarter.updater.install.PackageManagerInstall;
import io.desktopstarter.updater.install.PortableInstall;
import io.desktopstarter.updater.install.SmokeCheck;
import io.desktopstarter.updater.install.WindowsInstallerLaunch;
import io.desktopstarter.updater.trust.BuiltInKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Wires the update service for a shell from what the installed app knows: the feed from
 * {@code DESKTOP_STARTER_UPDATE_FEED}, the built-in keys resource, the package format the
 * distribution stamped into the launcher ({@value LauncherProperties#PACKAGE}) and where jpackage says the
 * launcher is ({@code jpackage.app-path}). Anything missing turns updates off with a reason.
 */
public final class UpdaterSetup {
    public static final String APP = "desktop-java-starter";

    private UpdaterSetup() {
    }

    public static UpdateService create(String shell, String installedVersion, Path appData, Map<String, String> environment,
            Map<String, String> properties, Consumer<UpdateState> listener) {
        PackageFormat format = format(properties.get(LauncherProperties.PACKAGE));
        Optional<FeedSource> feed = FeedSource.fromEnvironment(environment);
        List<MinisignPublicKey> keys;
        SemanticVersion installed;
        try {
            keys = BuiltInKeys.load(UpdaterSetup.class.getClassLoader());
            installed = SemanticVersion.parse(installedVersion);
        } catch (IOException | MinisignFormatException | FeedFormatException e) {
            keys = List.of();
            installed = new SemanticVersion(0, 0, 0, List.of(), "");
            feed = Optional.empty();
        }
        UpdateConfig config = new UpdateConfig(APP, Optional.of(shell), installed, PlatformKey.current(format), feed, keys,
                appData, DownloadSettings.defaults());
        Installer installer = installer(format, Optional.ofNullable(properties.get("jpackage.app-path")).map(Path::of));
        return new UpdateService(config, installer, listener, Clock.systemUTC());
    }

    /** The hand-off for a package format; a portable app is found by walking up from its launcher. */
    public static Installer installer(PackageFormat format, Optional<Path> launcher) {
        return switch (format) {
            case DEB, RPM -> new PackageManagerInstall(format, CommandRunner.SYSTEM, Platform.isRoot());
            case MSI, EXE -> new WindowsInstallerLaunch(CommandRunner.SYSTEM);
            case DMG, PKG -> ancestor(launcher, p -> p.getFileName() != null && p.getFileName().toString().endsWith(".app"))
                    .<Installer>map(app -> new MacAppInstall(app, CommandRunner.SYSTEM))
                    .orElse(unavailable("the app bundle could not be found from " + launcher.orElse(Path.of("?"))));
            case TAR_GZ -> ancestor(launcher, PortableInstall::isPortableLayout)
                    .<Installer>map(root -> new PortableInstall(root, SmokeCheck.launcher(
                            relativeLauncher(root, launcher.orElseThrow()), CommandRunner.SYSTEM, Duration.ofMinutes(2)), step -> { }))
                    .orElse(unavailable("this copy of the app is not an updatable portable installation"
                            + " (run it from the extracted release archive)"));
        };
    }

    /**
     * The format the launcher names; this OS's default ({@link PackageFormat#defaultFor}) when it names none or one this
     * version does not know, as a copy run from an unpacked image is.
     */
    static PackageFormat format(String launcherProperty) {
        try {
            return launcherProperty == null ? defaultFormat() : PackageFormat.parse(launcherProperty);
        } catch (IllegalArgumentException unknown) {
            return defaultFormat();
        }
    }

    private static String relativeLauncher(Path root, Path launcher) {
        Path real = launcher.toAbsolutePath().normalize();
        Path versions = root.resolve("versions");
        // <root>/versions/<v>/bin/app or <root>/current/bin/app → bin/app
        Path inVersion = real.startsWith(versions) ? versions.relativize(real) : root.resolve("current").relativize(real);
        return inVersion.subpath(real.startsWith(versions) ? 1 : 0, inVersion.getNameCount()).toString();
    }

    private static Optional<Path> ancestor(Optional<Path> start, java.util.function.Predicate<Path> test) {
        for (Path p = start.map(s -> s.toAbsolutePath().normalize()).orElse(null); p != null; p = p.getParent()) {
            if (test.test(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Installer unavailable(String reason) {
        return (artifact, version) -> new InstallOutcome.Failed(reason);
    }

    /** What this OS installs by default: tar.gz on Linux, msi on Windows, dmg on macOS. */
    public static PackageFormat defaultFormat() {
        return PackageFormat.defaultFor(Platform.Os.current());
    }
}
