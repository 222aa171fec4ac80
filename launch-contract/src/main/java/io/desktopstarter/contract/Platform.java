package io.desktopstarter.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The one place that knows which operating system and architecture this is, in the project's
 * spelling ({@code linux|windows|macos}, {@code x64|arm64}: artifact names and feed keys).
 * The project builds for these only; any other system counts as Linux (XDG folders, POSIX files)
 * and any other architecture as x64, so callers never meet an "unknown".
 */
public record Platform(Os os, Arch arch) {
    public enum Os {
        LINUX, WINDOWS, MACOS;

        /** {@code linux}, {@code windows} or {@code macos}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** From {@code os.name}: {@code Windows …}, {@code Mac OS X} / {@code Darwin}, anything else Linux. */
        public static Os of(String osName) {
            String name = osName.toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            if (name.startsWith("mac") || name.startsWith("darwin")) {
                return MACOS;
            }
            return LINUX;
        }

        public static Os current() {
            return Platform.current().os();
        }
    }

    public enum Arch {
        X64, ARM64;

        /** {@code x64} or {@code arm64}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** From {@code os.arch}: {@code aarch64}/{@code arm64}, anything else x64. */
        public static Arch of(String osArch) {
            return switch (osArch.toLowerCase(Locale.ROOT)) {
                case "aarch64", "arm64" -> ARM64;
                default -> X64;
            };
        }
    }

    public static Platform of(String osName, String osArch) {
        return new Platform(Os.of(osName), Arch.of(osArch));
    }

    /** This JVM's platform, from {@code os.name} and {@code os.arch}. */
    public static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** An executable's file name here: {@code name.exe} on Windows, {@code name} elsewhere. */
    public String exe(String name) {
        return os == Os.WINDOWS ? name + ".exe" : name;
    }

    /**
     * Whether this process has root's rights: its effective uid is 0, read from
     * {@code /proc/self/status} (Linux). Where there is no {@code /proc} (macOS, Windows) the answer
     * is false: nothing here needs root's rights there, and guessing from {@code user.name} could be wrong.
     */
    public static boolean isRoot() {
        try {
            return effectiveUidIsZero(Files.readAllLines(Path.of("/proc/self/status")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code Uid:} lists the real, effective, saved and file-system uid; the effective one decides. */
    static boolean effectiveUidIsZero(List<String> status) {
        for (String line : status) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.trim().split("\\s+");
                return ids.length > 2 && ids[2].equals("0");
            }
        }
        return false;
    }
}
