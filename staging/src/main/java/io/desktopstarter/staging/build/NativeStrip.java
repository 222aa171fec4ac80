package io.desktopstarter.staging.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes symbol tables from the ELF files of a tree with binutils' {@code strip --strip-unneeded}
 * (the JDK's own libraries ship with them: libjvm.so alone loses 5 MB). jlink's
 * {@code --strip-native-debug-symbols} keeps the symbol tables, so it is not enough for Debian's
 * "unstripped-binary" rule. Linux only; other hosts sign their binaries instead.
 */
public final class NativeStrip {
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

    private NativeStrip() {
    }

    /** @param roots files or directory trees; @return how many files were stripped */
    public static int strip(Path... roots) throws StageException, IOException {
        List<Path> elves = new ArrayList<>();
        for (Path root : roots) {
            elves.addAll(elfFiles(root));
        }
        if (elves.isEmpty()) {
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("strip", "--strip-unneeded", "--remove-section=.comment",
                "--remove-section=.note"));
        elves.forEach(p -> command.add(p.toString()));
        HostTools.run(command, "binutils");
        return elves.size();
    }

    public static List<Path> elfFiles(Path tree) throws IOException {
        try (Stream<Path> walk = Files.walk(tree)) {
            List<Path> elves = new ArrayList<>();
            for (Path p : walk.sorted().toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && isElf(p)) {
                    elves.add(p);
                }
            }
            return elves;
        }
    }

    private static boolean isElf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(4), ELF);
        }
    }
}
