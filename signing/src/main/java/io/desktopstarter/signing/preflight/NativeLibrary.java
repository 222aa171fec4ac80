package io.desktopstarter.signing.preflight;

import java.util.List;

/**
 * A native library found in a jar or directory.
 *
 * @param location   file path, or {@code jar!/entry} for a library inside a jar
 * @param format     ELF, MACH_O, PE or UNKNOWN (by header, not by file name)
 * @param archs      x64, arm64, x86, … (several for a universal Mach-O)
 * @param codeSigned Mach-O: carries an LC_CODE_SIGNATURE load command
 */
public record NativeLibrary(String location, Format format, List<String> archs, boolean codeSigned) {
    public NativeLibrary {
        archs = List.copyOf(archs);
    }

    /** Executable formats, and the OS each belongs to. */
    public enum Format {
        ELF("linux"), MACH_O("macos"), PE("windows"), UNKNOWN("?");

        private final String os;

        Format(String os) {
            this.os = os;
        }

        public String os() {
            return os;
        }
    }

    public String name() {
        int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf('!'));
        return location.substring(slash + 1);
    }
}
