package io.desktopstarter.updater.feed;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.contract.Platform;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A feed platform key {@code <os>-<arch>-<format>}, e.g. {@code linux-x64-deb} or {@code linux-x64-tar.gz}; the
 * format is one of the {@link PackageFormat}s, in its {@link PackageFormat#id()} spelling.
 */
public record PlatformKey(String os, String arch, PackageFormat format) {
    public static final Set<String> OPERATING_SYSTEMS = Arrays.stream(Platform.Os.values()).map(Platform.Os::id)
            .collect(Collectors.toUnmodifiableSet());
    public static final Set<String> ARCHITECTURES = Arrays.stream(Platform.Arch.values()).map(Platform.Arch::id)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern KEY = Pattern.compile("([a-z]+)-([a-z0-9]+)-([a-z0-9.]+)");

    public PlatformKey {
        if (!OPERATING_SYSTEMS.contains(os) || !ARCHITECTURES.contains(arch) || format == null) {
            throw new IllegalArgumentException("not a platform key: " + os + "-" + arch + "-" + format
                    + " (expected <linux|windows|macos>-<x64|arm64>-<format>)");
        }
    }

    public static PlatformKey parse(String key) {
        Matcher m = KEY.matcher(key == null ? "" : key);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a platform key: '" + key + "' (expected e.g. linux-x64-deb)");
        }
        return new PlatformKey(m.group(1), m.group(2), PackageFormat.parse(m.group(3)));
    }

    /** A platform's key for a package format, in the feed's (and the artifact names') spelling. */
    public static PlatformKey of(Platform platform, PackageFormat format) {
        return new PlatformKey(platform.os().id(), platform.arch().id(), format);
    }

    /** This machine's os and arch with the given package format. */
    public static PlatformKey current(PackageFormat format) {
        return of(Platform.current(), format);
    }

    @Override
    public String toString() {
        return os + "-" + arch + "-" + format.id();
    }
}
