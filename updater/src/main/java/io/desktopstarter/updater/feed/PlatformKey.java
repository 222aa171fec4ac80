package io.desktopstarter.updater.feed;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A feed platform key {@code <os>-<arch>-<format>}, e.g. {@code linux-x64-deb} or {@code linux-x64-tar.gz}. */
public record PlatformKey(String os, String arch, String format) {
    public static final Set<String> OPERATING_SYSTEMS = Set.of("linux", "windows", "macos");
    public static final Set<String> ARCHITECTURES = Set.of("x64", "arm64");
    private static final Pattern KEY = Pattern.compile("([a-z]+)-([a-z0-9]+)-([a-z0-9.]+)");

    public PlatformKey {
        if (!OPERATING_SYSTEMS.contains(os) || !ARCHITECTURES.contains(arch) || !format.matches("[a-z0-9]+(\\.[a-z0-9]+)?")) {
            throw new IllegalArgumentException("not a platform key: " + os + "-" + arch + "-" + format
                    + " (expected <linux|windows|macos>-<x64|arm64>-<format>)");
        }
    }

    public static PlatformKey parse(String key) {
        Matcher m = KEY.matcher(key == null ? "" : key);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a platform key: '" + key + "' (expected e.g. linux-x64-deb)");
        }
        return new PlatformKey(m.group(1), m.group(2), m.group(3));
    }

    /** This machine's os and arch with the given package format. */
    public static PlatformKey current(String format) {
        return new PlatformKey(hostOs(), hostArch(), format);
    }

    /** {@code linux}, {@code windows} or {@code macos}: this machine, in the feed's (and the artifact names') spelling. */
    public static String hostOs() {
        return osOf(System.getProperty("os.name", ""));
    }

    /** {@code x64} or {@code arm64}. */
    public static String hostArch() {
        return archOf(System.getProperty("os.arch", ""));
    }

    static String osOf(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "macos";
        }
        return "linux";
    }

    static String archOf(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "aarch64", "arm64" -> "arm64";
            default -> "x64";
        };
    }

    @Override
    public String toString() {
        return os + "-" + arch + "-" + format;
    }
}
