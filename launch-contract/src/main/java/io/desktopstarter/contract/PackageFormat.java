package io.desktopstarter.contract;

import java.util.Arrays;
import java.util.List;

/**
 * How an app is delivered and installed: the release artifact's extension, the update feed key's
 * last part ({@code linux-x64-tar.gz}) and the value of {@value LauncherProperties#PACKAGE} in an
 * installed app's launcher, from which the updater picks its install hand-off.
 */
public enum PackageFormat {
    /** The portable archive in the updater's {@code current -> versions/<v>} layout. */
    TAR_GZ("tar.gz", Platform.Os.LINUX),
    DEB("deb", Platform.Os.LINUX),
    RPM("rpm", Platform.Os.LINUX),
    MSI("msi", Platform.Os.WINDOWS),
    EXE("exe", Platform.Os.WINDOWS),
    DMG("dmg", Platform.Os.MACOS),
    PKG("pkg", Platform.Os.MACOS);

    private final String id;
    private final Platform.Os os;

    PackageFormat(String id, Platform.Os os) {
        this.id = id;
        this.os = os;
    }

    /** {@code tar.gz}, {@code deb}, …: the file extension and the feed's spelling. */
    public String id() {
        return id;
    }

    /** The operating system the format installs on. */
    public Platform.Os os() {
        return os;
    }

    /** The format with this id; an {@link IllegalArgumentException} that lists the known ones otherwise. */
    public static PackageFormat parse(String id) {
        for (PackageFormat format : values()) {
            if (format.id.equals(id)) {
                return format;
            }
        }
        throw new IllegalArgumentException("not a package format: '" + id + "' (expected one of "
                + Arrays.stream(values()).map(PackageFormat::id).toList() + ")");
    }

    /** What an app on this OS counts as when its launcher names no format: tar.gz, msi or dmg. */
    public static PackageFormat defaultFor(Platform.Os os) {
        return switch (os) {
            case LINUX -> TAR_GZ;
            case WINDOWS -> MSI;
            case MACOS -> DMG;
        };
    }

    /** The formats that install on {@code os}, in declaration order. */
    public static List<PackageFormat> of(Platform.Os os) {
        return Arrays.stream(values()).filter(f -> f.os == os).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
