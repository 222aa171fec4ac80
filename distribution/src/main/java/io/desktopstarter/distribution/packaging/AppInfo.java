package io.desktopstarter.distribution.packaging;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.contract.Platform;
import io.desktopstarter.contract.ShellPackaging;

/**
 * One build's app: the metadata, the shell it carries ({@code shell} its id, {@code shellName} the menu suffix), the
 * version and the platform. {@code packageVersion} is the numeric part of the version, because deb and rpm versions
 * (and jpackage) refuse suffixes like {@code -SNAPSHOT}.
 */
public record AppInfo(AppMetadata meta, String shell, String shellName, String version, String packageVersion, String os,
        String arch) {
    public AppInfo {
        if (!packageVersion.matches("\\d+(\\.\\d+){0,2}")) {
            throw new IllegalArgumentException("the package version is one to three numbers (jpackage, deb, rpm), not " + packageVersion);
        }
    }

    public static AppInfo of(AppMetadata meta, ShellPackaging shell, String version, String packageVersion, Platform platform) {
        return new AppInfo(meta, shell.id(), shell.displayName(), version, packageVersion, platform.os().id(), platform.arch().id());
    }

    /** {@code desktop-java-starter-javafx}: the package, launcher and install directory name. */
    public String packageName() {
        return meta.id() + "-" + shell;
    }

    /** The menu name, e.g. {@code Desktop Java Starter (JavaFX)}. */
    public String displayName() {
        return meta.name() + " (" + shellName + ")";
    }

    /** {@code desktop-java-starter-<shell>-<os>-<version>-<arch>.<ext>} (DESIGN.md "Names"). */
    public String artifactName(PackageFormat format) {
        return packageName() + "-" + os + "-" + version + "-" + arch + "." + format.id();
    }

    public String manifestName() {
        return packageName() + "-" + os + "-" + version + "-sha256.txt";
    }
}
