package io.desktopstarter.distribution.linux;

import io.desktopstarter.staging.build.HostTools;
import io.desktopstarter.staging.build.NativeStrip;
import io.desktopstarter.staging.build.StageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Relative entries in an ELF file's library search path ({@code RPATH .}, as JCEF's helper and
 * {@code libjcef.so} ship) make the loader look in the user's working directory first: a
 * {@code libcef.so} planted there would be loaded into the app. Those entries are dropped with
 * {@code patchelf}, keeping absolute and {@code $ORIGIN} ones (the bundle's own folder).
 */
public final class LibrarySearchPaths {
    private LibrarySearchPaths() {
    }

    /** @return the files whose search path was rewritten */
    public static List<Path> dropRelative(Path tree) throws StageException, IOException {
        List<Path> changed = new java.util.ArrayList<>();
        for (Path elf : NativeStrip.elfFiles(tree)) {
            Optional<String> path = searchPath(HostTools.run(List.of("objdump", "-p", elf.toString()), "binutils"));
            if (path.isEmpty() || keep(path.get()).equals(path.get())) {
                continue;
            }
            String kept = keep(path.get());
            // --force-rpath keeps it an RPATH: a RUNPATH would not apply to the libraries' own dependencies.
            HostTools.run(kept.isEmpty() ? List.of("patchelf", "--remove-rpath", elf.toString())
                    : List.of("patchelf", "--force-rpath", "--set-rpath", kept, elf.toString()), "patchelf");
            changed.add(elf);
        }
        return changed;
    }

    /** The RPATH or RUNPATH value from {@code objdump -p} output. */
    static Optional<String> searchPath(String objdump) {
        return objdump.lines().map(String::strip)
                .filter(line -> line.startsWith("RPATH ") || line.startsWith("RUNPATH "))
                .map(line -> line.substring(line.indexOf(' ')).strip())
                .findFirst();
    }

    /** The entries that do not depend on the working directory. */
    static String keep(String searchPath) {
        return Arrays.stream(searchPath.split(":"))
                .filter(entry -> entry.startsWith("/") || entry.startsWith("$ORIGIN") || entry.startsWith("${ORIGIN}"))
                .collect(Collectors.joining(":"));
    }
}
