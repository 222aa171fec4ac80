package io.desktopstarter.updater.install;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a {@code .tar.gz} into an empty directory, refusing anything that could land outside it:
 * absolute names, {@code ..}, links whose target leaves the tree, hard links, devices. Permissions
 * keep their execute bits; owners are never applied.
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
        int files = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(gzipped, 1 << 16)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path target = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Path link = Path.of(entry.getLinkName());
                    if (link.isAbsolute() || !target.getParent().resolve(link).normalize().startsWith(root)) {
                        throw new IOException("archive entry " + entry.getName() + " links outside the archive: " + link);
                    }
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, link);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
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
        Path target = root.resolve(name).normalize();
        if (Path.of(name).isAbsolute() || !target.startsWith(root) || target.equals(root) && !name.matches("\\.?/?")) {
            throw new IOException("archive entry escapes the target directory: " + name);
        }
        return target;
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
