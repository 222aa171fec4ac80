package io.desktopstarter.foundation.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a {@code .tar.gz} into an empty directory, refusing anything that could land outside it:
 * absolute names, {@code ..}, links whose target leaves the tree, hard links, devices. Names are
 * checked as text and then on disk: every entry's folder is resolved through the links extracted
 * before it ({@link Path#toRealPath}) and must be inside the root, and a link target may only climb
 * ({@code ../}) from that real folder before it descends, so no chain of links ({@code a -> .} then
 * {@code a/b -> ..}) leads out. Permissions keep their execute bits; owners are never applied.
 */
public final class TarGzExtractor {
    private TarGzExtractor() {
    }

    /** @return the number of regular files written */
    public static int extract(Path archive, Path into) throws IOException {
        try (InputStream raw = Files.newInputStream(archive)) {
            return extract(raw, into);
        }
    }

    /** The same from a stream (a {@code .tar.gz} inside a jar, say); the caller closes {@code gzipped}. */
    public static int extract(InputStream gzipped, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        Files.createDirectories(root);
        Path realRoot = root.toRealPath();
        int files = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(gzipped, 1 << 16)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path named = inside(root, entry.getName());
                if (!entry.isDirectory() && named.equals(root)) {
                    throw new IOException("archive entry '" + entry.getName() + "' has no file name");
                }
                if (entry.isDirectory()) {
                    directory(realRoot, named, entry.getName());
                } else if (entry.isSymbolicLink()) {
                    Path folder = directory(realRoot, named.getParent(), entry.getName());
                    Files.createSymbolicLink(folder.resolve(named.getFileName()), linkTarget(realRoot, folder, entry));
                } else if (entry.isFile()) {
                    Path target = directory(realRoot, named.getParent(), entry.getName()).resolve(named.getFileName());
                    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        throw new FileAlreadyExistsException(entry.getName() + " appears twice in the archive");
                    }
                    long copied = Files.copy(tar, target);
                    if (copied != entry.getSize()) {
                        throw new IOException("archive entry " + entry.getName() + " is truncated");
                    }
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                    files++;
                } else {
                    throw new IOException("archive entry " + entry.getName() + " is not a file, directory or symbolic link");
                }
            }
        }
        return files;
    }

    private static Path inside(Path root, String name) throws IOException {
        Path target = root.resolve(path(name, name)).normalize();
        if (Path.of(name).isAbsolute() || !target.startsWith(root) || target.equals(root) && !name.matches("\\.?/?")) {
            throw new IOException("archive entry escapes the target directory: " + name);
        }
        return target;
    }

    /**
     * The folder {@code dir} (created if missing) as it really is on disk, after following the links
     * extracted so far; refused unless it is inside the root. The nearest existing folder is checked
     * before anything is created, so no folder is ever made outside.
     */
    private static Path directory(Path realRoot, Path dir, String entry) throws IOException {
        Path existing = dir;
        while (!Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (!existing.toRealPath().startsWith(realRoot)) {
            throw new IOException("archive entry " + entry + " leads outside the target directory through a link");
        }
        Files.createDirectories(dir);
        Path real = dir.toRealPath();
        if (!real.startsWith(realRoot)) {
            throw new IOException("archive entry " + entry + " leads outside the target directory through a link");
        }
        return real;
    }

    /**
     * A relative target that first climbs ({@code ..}) from the link's real folder, never above the
     * root, and then only descends. A {@code ..} after a name is refused: the name may be (or later
     * become) a link, so the text would not say where it leads.
     */
    private static Path linkTarget(Path realRoot, Path folder, TarArchiveEntry entry) throws IOException {
        String text = entry.getLinkName();
        Path link = path(text, entry.getName());
        if (text.isEmpty() || link.isAbsolute()) {
            throw new IOException("archive entry " + entry.getName() + " links outside the archive: '" + text + "'");
        }
        Path reached = folder;
        boolean descending = false;
        for (Path part : link) {
            if (part.toString().equals("..")) {
                if (descending || reached.equals(realRoot)) {
                    throw new IOException("archive entry " + entry.getName() + " links outside the archive: " + text);
                }
                reached = reached.getParent();
            } else if (!part.toString().equals(".")) {
                descending = true;
            }
        }
        return link;
    }

    /** A name from the archive as a path; names this file system cannot hold (a NUL, say) are refused. */
    private static Path path(String text, String entry) throws IOException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IOException("archive entry " + entry.replace('\0', '?') + " is not a valid file name here: " + e.getReason());
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }
}
