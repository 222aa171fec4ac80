package io.desktopstarter.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a shell tells the distribution about itself, as data: its {@value #RESOURCE} in the shell's jar
 * (written by the shell's pom). The distribution packages any shell from it without knowing the shell;
 * the shell reads the same file for the names it shares with the installer (its natives folder).
 *
 * @param id            the shell's id in artifact and package names ({@code javafx})
 * @param displayName   the suffix of the menu name, {@code Desktop Java Starter (JavaFX)}
 * @param mainClass     the launcher's main class
 * @param icon          the app icon (PNG), a resource path in the shell's jar
 * @param jlinkExcluded JDK modules the shell runtime must not contain (e.g. one whose packages a library ships itself)
 * @param debDepends    Debian packages of libraries the shell loads by name at run time (no ELF header shows them)
 * @param rpmRequires   the same for Fedora, plus what the deb derives from the image (the rpm is built on a Debian host)
 * @param natives       native files to take out of the class path and ship unpacked, if the shell has any
 */
public record ShellPackaging(String id, String displayName, String mainClass, String icon, List<String> jlinkExcluded,
        List<String> debDepends, List<String> rpmRequires, Optional<Natives> natives) {
    /** Where the file is, in the shell's jar. */
    public static final String RESOURCE = "META-INF/desktop-starter/packaging.properties";

    private static final List<String> REQUIRED = List.of("shell.id", "shell.displayName", "shell.mainClass", "shell.icon");
    private static final List<String> NATIVES = List.of("natives.archive", "natives.requiredFile", "natives.marker",
            "natives.folder", "natives.property");

    public ShellPackaging {
        if (!id.matches("[a-z][a-z0-9]*")) {
            throw new IllegalArgumentException("shell.id must be lower-case letters and digits (it names packages), not '" + id + "'");
        }
        jlinkExcluded = List.copyOf(jlinkExcluded);
        debDepends = List.copyOf(debDepends);
        rpmRequires = List.copyOf(rpmRequires);
    }

    /**
     * A natives jar on the shell's class path whose archive the installer unpacks ahead of time.
     *
     * @param jar          glob of the jar's file name among the shell's libraries ({@code jcef-natives-*.jar})
     * @param archive      glob of the archive inside that jar ({@code *.tar.gz})
     * @param requiredFile a file the unpacked tree must have, or the jar was not what it seemed
     * @param marker       an empty file the installer adds: "unpacked completely" for the shell
     * @param folder       the folder's name in the installed app
     * @param property     the launcher property (system property) that tells the shell where the folder is
     */
    public record Natives(String jar, String archive, String requiredFile, String marker, String folder, String property) {
    }

    /** The shell's own file, from the class path; fails when the shell was built without it. */
    public static ShellPackaging fromClassPath(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the class path");
            }
            return read(in);
        }
    }

    /** Reads the file; every missing key is named at once. */
    public static ShellPackaging read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean hasNatives = !p.getProperty("natives.jar", "").isBlank();
        List<String> missing = new ArrayList<>();
        for (String key : hasNatives ? List.of(REQUIRED, NATIVES).stream().flatMap(List::stream).toList() : REQUIRED) {
            if (p.getProperty(key, "").isBlank()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(RESOURCE + " lacks " + String.join(", ", missing));
        }
        Optional<Natives> natives = hasNatives ? Optional.of(new Natives(value(p, "natives.jar"), value(p, "natives.archive"),
                value(p, "natives.requiredFile"), value(p, "natives.marker"), value(p, "natives.folder"),
                value(p, "natives.property"))) : Optional.empty();
        return new ShellPackaging(value(p, "shell.id"), value(p, "shell.displayName"), value(p, "shell.mainClass"),
                value(p, "shell.icon"), list(p, "jlink.excludeModules"), list(p, "linux.debDepends"), list(p, "linux.rpmRequires"),
                natives);
    }

    private static String value(Properties p, String key) {
        return p.getProperty(key).strip();
    }

    private static List<String> list(Properties p, String key) {
        return Arrays.stream(p.getProperty(key, "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
