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
import io.desktopstarter.updater.download.SystemTrust;
import io.desktopstarter.updater.settings.AdminPolicy;
import io.desktopstarter.updater.settings.BuiltInFeed;
import io.desktopstarter.updater.settings.UpdateSettings;
import io.desktopstarter.updater.trust.BuiltInKeys;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Wires the update service for a shell from what the installed app knows: the built-in keys and feed
 * resources, the administrator's policy, the user's {@code DESKTOP_STARTER_UPDATE_FEED}
 * ({@link UpdateSettings}), the package format the distribution stamped into the launcher
 * ({@value LauncherProperties#PACKAGE}) and where jpackage says the launcher is
 * ({@code jpackage.app-path}). Anything missing or wrong turns updates off with a reason, logged once.
 */
public final class UpdaterSetup {
    public static final String APP = "desktop-java-starter";
    private static final Logger LOG = LoggerFactory.getLogger(UpdaterSetup.class);

    private UpdaterSetup() {
    }

    public static UpdateService create(String shell, String installedVersion, Path appData, Map<String, String> environment,
            Map<String, String> properties, Consumer<UpdateState> listener) {
        PackageFormat format = format(properties.get(LauncherProperties.PACKAGE));
        Path policyFile = AdminPolicy.location(Platform.Os.current(), environment,
                Optional.ofNullable(properties.get(LauncherProperties.UPDATE_POLICY_FILE)));
        UpdateConfig config = configure(shell, installedVersion, appData, environment, AdminPolicy.read(policyFile),
                PlatformKey.current(format), UpdaterSetup.class.getClassLoader());
        Installer installer = installer(format, Optional.ofNullable(properties.get("jpackage.app-path")).map(Path::of));
        return new UpdateService(config, installer, listener, Clock.systemUTC());
    }

    /** The configuration from every source; logs once where updates come from or why they are off. */
    static UpdateConfig configure(String shell, String installedVersion, Path appData, Map<String, String> environment,
            AdminPolicy.Read admin, PlatformKey platform, ClassLoader resources) {
        List<MinisignPublicKey> keys;
        SemanticVersion installed;
        Optional<String> builtInFeed;
        Optional<String> broken = Optional.empty();
        try {
            installed = SemanticVersion.parse(installedVersion);
        } catch (FeedFormatException e) {
            installed = new SemanticVersion(0, 0, 0, List.of(), "");
            broken = Optional.of("this app's version '" + installedVersion + "' is not a version");
        }
        try {
            keys = BuiltInKeys.load(resources);
            builtInFeed = BuiltInFeed.load(resources);
        } catch (IOException | MinisignFormatException e) {
            keys = List.of();
            builtInFeed = Optional.empty();
            broken = Optional.of("this app's built-in update settings cannot be read (" + e.getMessage() + ")");
        }
        UpdateSettings settings = UpdateSettings.resolve(new UpdateSettings.App(shell, installed, !keys.isEmpty(), builtInFeed),
                admin, environment);
        DownloadSettings download = DownloadSettings.defaults();
        Optional<String> off = broken.or(settings::off);
        if (off.isEmpty() && settings.extraCa().isPresent()) {
            try {
                download = download.alsoTrusting(SystemTrust.pemFile(settings.extraCa().get()));
            } catch (IOException | GeneralSecurityException e) {
                off = Optional.of("the administrator's CA file cannot be used (" + e.getMessage() + "), so updates stay off");
            }
        }
        if (off.isPresent()) {
            LOG.warn("Updates are off: {}", off.get());
        } else {
            LOG.info("{}", settings.describe());
        }
        return new UpdateConfig(APP, Optional.of(shell), installed, platform, settings.feed().map(FeedSource::parse), keys,
                appData, download, off);
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
