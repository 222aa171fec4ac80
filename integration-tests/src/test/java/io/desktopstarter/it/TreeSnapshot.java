package io.desktopstarter.it;

import io.desktopstarter.foundation.digest.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file, folder and link under a root, by relative path: content hash, link target, permissions. */
final class TreeSnapshot {
    private TreeSnapshot() {
    }

    static SortedMap<String, String> of(Path root) throws IOException {
        SortedMap<String, String> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String name = root.relativize(p).toString();
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                if (Files.isSymbolicLink(p)) {
                    entries.put(name, "link -> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(name, "dir " + mode);
                } else {
                    entries.put(name, Sha256.hex(p) + " " + mode);
                }
            }
        }
        return entries;
    }
}
