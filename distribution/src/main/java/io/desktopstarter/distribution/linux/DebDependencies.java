package io.desktopstarter.distribution.linux;

import io.desktopstarter.contract.Platform;
import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.staging.build.HostTools;
import io.desktopstarter.staging.build.StageException;
import io.desktopstarter.staging.build.NativeStrip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Debian packages an app image needs: every shared library its ELF files link ({@code NEEDED})
 * that the image does not bring itself, mapped to its package through the build host's
 * {@code ldconfig} and {@code dpkg -S}, plus the libraries the shell loads by name at run time
 * (which no ELF header shows, e.g. the GTK that JavaFX's glass extracts and loads).
 */
public final class DebDependencies {
    private static final Pattern NEEDED = Pattern.compile("^\\s*NEEDED\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern LDCONFIG = Pattern.compile("^\\s*(\\S+) \\(([^)]*)\\) => (\\S+)\\s*$", Pattern.MULTILINE);

    private DebDependencies() {
    }

    public static List<String> of(Path image, List<String> loadedAtRunTime) throws BuildException, StageException, IOException {
        Set<String> sonames = neededFromOutside(image);
        Map<String, Path> known = ldconfig();
        Set<String> packages = new TreeSet<>(loadedAtRunTime);
        for (String soname : sonames) {
            Path library = known.get(soname);
            if (library == null) {
                throw new BuildException("the app image links " + soname + ", which this build host does not have; install the "
                        + "Debian package that provides it, so the .deb can depend on it");
            }
            packages.add(owner(library));
        }
        return List.copyOf(packages);
    }

    static Set<String> neededFromOutside(Path image) throws StageException, IOException {
        List<Path> elves = NativeStrip.elfFiles(image);
        Set<String> bundled = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(image)) {
            walk.forEach(p -> bundled.add(p.getFileName().toString()));
        }
        Set<String> needed = new TreeSet<>();
        if (elves.isEmpty()) {
            return needed;
        }
        List<String> command = new ArrayList<>(List.of("objdump", "-p"));
        elves.forEach(p -> command.add(p.toString()));
        Matcher m = NEEDED.matcher(HostTools.run(command, "binutils"));
        while (m.find()) {
            if (!bundled.contains(m.group(1))) {
                needed.add(m.group(1));
            }
        }
        return needed;
    }

    /** soname → path, for this host's architecture only (ldconfig lists 32-bit copies too). */
    private static Map<String, Path> ldconfig() throws StageException {
        String arch = Platform.current().arch() == Platform.Arch.ARM64 ? "AArch64" : "x86-64";
        Map<String, Path> known = new TreeMap<>();
        Matcher m = LDCONFIG.matcher(HostTools.run(List.of("/sbin/ldconfig", "-p"), "libc-bin"));
        while (m.find()) {
            if (m.group(2).contains(arch)) {
                known.putIfAbsent(m.group(1), Path.of(m.group(3)));
            }
        }
        return known;
    }

    /** dpkg knows a library by the path its package shipped it under: /lib/… or /usr/lib/… (merged /usr). */
    private static String owner(Path library) throws BuildException {
        List<Path> candidates = new ArrayList<>(List.of(library));
        String name = library.toString();
        candidates.add(Path.of(name.startsWith("/usr/") ? name.substring(4) : "/usr" + name));
        try {
            candidates.add(library.toRealPath());
        } catch (IOException e) {
            // a dangling entry in ldconfig's cache; the other candidates still apply
        }
        for (Path candidate : candidates) {
            try {
                String line = HostTools.run(List.of("dpkg", "-S", candidate.toString()), "dpkg").lines().findFirst().orElse("");
                return line.substring(0, line.indexOf(':'));
            } catch (StageException notOwned) {
                // try the next spelling of the path
            }
        }
        throw new BuildException("no Debian package owns " + library + " (dpkg -S); install the library from a package");
    }
}
