package io.desktopstarter.distribution.cli;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.contract.Platform;
import io.desktopstarter.distribution.build.BuildContext;
import io.desktopstarter.distribution.build.BuildSettings;
import io.desktopstarter.distribution.build.FeedLocation;
import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.distribution.build.ReleaseBuild;
import io.desktopstarter.distribution.packaging.AppMetadata;
import io.desktopstarter.distribution.packaging.InstallerOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The release build's command line, run twice by the distribution pom around its jpackage app-image execution
 * ({@code --part=inputs}, then {@code --part=release}); the steps are {@link ReleaseBuild}'s. Prints
 * {@code [distribution] <step>: …} per line and one {@code FAILED} line with exit 1 when a step fails.
 */
@Command(name = "desktop-starter-distribution", mixinStandardHelpOptions = true,
        description = "Builds installers, manifests, signatures and the update feed for one shell.")
public final class DistributionCli implements Callable<Integer> {
    @Option(names = "--part", required = true, description = "inputs (before the app image) or release (after it)") String part;
    @Option(names = "--shell-jar", required = true, description = "The built shell's jar, with lib/ beside it.") Path shellJar;
    @Option(names = "--backend", required = true, description = "The staged backend tree.") Path backend;
    @Option(names = "--version", required = true) String version;
    @Option(names = "--package-version", required = true, description = "The numeric part of the version.") String packageVersion;
    @Option(names = "--app-id", required = true) String appId;
    @Option(names = "--app-name", required = true) String appName;
    @Option(names = "--vendor", required = true) String vendor;
    @Option(names = "--maintainer", required = true) String maintainer;
    @Option(names = "--homepage", required = true) String homepage;
    @Option(names = "--description", required = true) String description;
    @Option(names = "--long-description", required = true) String longDescription;
    @Option(names = "--copyright-year", required = true) String copyrightYear;
    @Option(names = "--license", required = true, description = "The license text.") Path license;
    @Option(names = "--license-id", required = true, description = "Its SPDX id (MIT).") String licenseId;
    @Option(names = "--icon", defaultValue = "", description = "A PNG instead of the shell's icon.") String icon;
    @Option(names = "--formats", required = true, split = ",", description = "tar.gz,deb,rpm | msi,exe | dmg,pkg") List<String> formats;
    @Option(names = "--jlink-add-modules", defaultValue = "", split = ",") List<String> jlinkAddModules;
    @Option(names = "--jlink-options", defaultValue = "") String jlinkOptions;
    @Option(names = "--win-menu-group", defaultValue = "") String winMenuGroup;
    @Option(names = "--win-per-user-install", defaultValue = "true", arity = "1") boolean winPerUserInstall;
    @Option(names = "--win-dir-chooser", defaultValue = "true", arity = "1") boolean winDirChooser;
    @Option(names = "--win-shortcut", defaultValue = "true", arity = "1") boolean winShortcut;
    @Option(names = "--win-upgrade-uuid", defaultValue = "") String winUpgradeUuid;
    @Option(names = "--mac-package-identifier", defaultValue = "") String macPackageIdentifier;
    @Option(names = "--mac-package-name", defaultValue = "") String macPackageName;
    @Option(names = "--timestamp", required = true, description = "project.build.outputTimestamp") String timestamp;
    @Option(names = "--work", required = true) Path work;
    @Option(names = "--image-dest", required = true, description = "Where the app-image execution puts the image.") Path imageDest;
    @Option(names = "--out", required = true) Path out;
    @Option(names = "--module-bom", required = true, split = ",",
            description = "The CycloneDX SBOMs (cyclonedx-maven-plugin) of the shell and the backend module.") List<Path> moduleBoms;
    @Option(names = "--base-url", required = true, description = "Where the release files will be served (feed URLs).") String baseUrl;
    @Option(names = "--feed-validity-days", defaultValue = "30") int feedValidityDays;
    @Option(names = "--min-version", defaultValue = "") String minVersion;
    @Option(names = "--feed-url", required = true, description = "The update feed URL built into the app (https).") String feedUrl;
    @Option(names = "--allow-loopback-feed", defaultValue = "false",
            description = "Tests only: also accept http://127.0.0.1 / localhost feed URLs.") boolean allowLoopbackFeed;
    @Option(names = "--policy-file", defaultValue = "",
            description = "Where the launcher reads the administrator's update policy (default: the OS's usual place).")
    String policyFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DistributionCli()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            ReleaseBuild.Part which = ReleaseBuild.Part.valueOf(part.toUpperCase(java.util.Locale.ROOT));
            ReleaseBuild.run(which, BuildContext.open(settings(), Platform.current(), line -> System.out.println("[distribution] " + line)));
            return 0;
        } catch (Exception e) {
            System.err.println("[distribution] FAILED: " + (e.getMessage() != null && !(e instanceof RuntimeException) ? e.getMessage() : e));
            return 1;
        }
    }

    private BuildSettings settings() throws BuildException {
        AppMetadata app = new AppMetadata(appId, appName, vendor, maintainer, homepage, description, longDescription, copyrightYear,
                licenseId);
        InstallerOptions installers = new InstallerOptions(winMenuGroup, winPerUserInstall, winDirChooser, winShortcut,
                Optional.of(winUpgradeUuid), macPackageIdentifier, macPackageName);
        List<String> modules = jlinkAddModules.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
        List<String> options = Arrays.stream(jlinkOptions.strip().split("\\s+")).filter(o -> !o.isEmpty()).toList();
        return new BuildSettings(shellJar, backend, version, packageVersion, app, license,
                Optional.of(icon).filter(i -> !i.isBlank()).map(Path::of), formats.stream().map(String::strip).map(PackageFormat::parse).toList(),
                new BuildSettings.Jlink(modules, options), installers, new BuildSettings.Feed(baseUrl, feedValidityDays, minVersion,
                        FeedLocation.check(feedUrl, allowLoopbackFeed), Optional.of(policyFile.strip()).filter(p -> !p.isEmpty())),
                timestamp, work, imageDest, out, System.getenv(), moduleBoms);
    }
}
