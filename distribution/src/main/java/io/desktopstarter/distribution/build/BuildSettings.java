package io.desktopstarter.distribution.build;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.distribution.packaging.AppMetadata;
import io.desktopstarter.distribution.packaging.InstallerOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a release build is told (the distribution pom's properties, through the command line), and the
 * environment it reads the signing inputs from.
 *
 * @param shellJar    the built shell's jar; its libraries are in {@code lib/} beside it, its packaging data inside it
 * @param backend     the staged backend tree
 * @param icon        an icon to use instead of the shell's own
 * @param imageDest   where the app-image execution (jpackage) puts the image: {@code work/root/opt} on Linux
 * @param timestamp   {@code project.build.outputTimestamp}: every file time, and the release's date
 * @param moduleBoms  the CycloneDX SBOMs of the modules whose class paths ship (the shell's, the backend's)
 */
public record BuildSettings(Path shellJar, Path backend, String version, String packageVersion, AppMetadata app, Path license,
        Optional<Path> icon, List<PackageFormat> formats, Jlink jlink, InstallerOptions installers, Feed feed,
        String timestamp, Path work, Path imageDest, Path out, Map<String, String> env, List<Path> moduleBoms) {
    public BuildSettings {
        formats = List.copyOf(formats);
        moduleBoms = List.copyOf(moduleBoms);
        env = Map.copyOf(env);
    }

    /** The shell runtime's jlink settings: modules loaded by name (added to jdeps' list) and jlink's options. */
    public record Jlink(List<String> addModules, List<String> options) {
        public Jlink {
            addModules = List.copyOf(addModules);
            options = List.copyOf(options);
        }
    }

    /**
     * The update feed: where the artifacts will be served, how long the feed is valid, the oldest version it updates,
     * the feed URL built into the app (checked by {@link FeedLocation}) and the administrator policy file's path the
     * launcher names, if the build moves it from the OS's usual place.
     */
    public record Feed(String baseUrl, int validityDays, String minVersion, java.net.URI feedUrl, java.util.Optional<String> policyFile) {
    }
}
