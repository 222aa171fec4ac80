package io.desktopstarter.distribution.linux;

import java.util.List;

/**
 * Libraries a shell loads by name at run time, which no ELF header in the image shows, in Debian's
 * and in Fedora's package names. Fedora's list also names what the deb derives from the image,
 * because the rpm is built on a Debian host that cannot ask Fedora's package database.
 */
public record ShellLibraries(List<String> debian, List<String> fedora) {
    public ShellLibraries {
        debian = List.copyOf(debian);
        fedora = List.copyOf(fedora);
    }

    public static ShellLibraries of(String shell) {
        return switch (shell) {
            // JavaFX's glass extracts libglassgtk3.so and links GTK 3, GL and XTest when the window opens.
            case "javafx" -> new ShellLibraries(List.of("libgtk-3-0", "libgl1", "libxtst6"),
                    List.of("gtk3", "mesa-libGL", "libXtst", "libX11", "libXext", "libXi", "libXrender", "alsa-lib", "glibc"));
            // AWT for the window; Chromium's own libraries show up in the deb through the bundled natives.
            case "swing" -> new ShellLibraries(List.of("libgtk-3-0", "libxtst6", "libnss3"),
                    List.of("gtk3", "libXtst", "libX11", "libXext", "libXi", "libXrender", "alsa-lib", "nss", "glibc"));
            default -> throw new IllegalArgumentException("unknown shell " + shell);
        };
    }
}
