package io.desktopstarter.distribution.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The portable tar.gz in the layout the updater swaps atomically (decision D-020):
 * <pre>
 * desktop-java-starter-javafx/current -> versions/0.1.0-SNAPSHOT
 * desktop-java-starter-javafx/desktop-java-starter-javafx -> current/bin/desktop-java-starter-javafx
 * desktop-java-starter-javafx/versions/0.1.0-SNAPSHOT/…   the app image
 * </pre>
 * Reproducible: entries sorted by name, one fixed time, owner root, modes 0755/0644 only, and a
 * gzip header without a time stamp.
 */
public final class PortableArchive {
    private PortableArchive() {
    }

    public static Path write(Path appImage, String packageName, String version, Instant mtime, Path out) throws IOException {
        String top = packageName + "/";
        String base = top + "versions/" + version + "/";
        try (OutputStream raw = Files.newOutputStream(out);
                OutputStream gzip = new FixedGzip(raw);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            directory(tar, top, mtime);
            symlink(tar, top + "current", "versions/" + version, mtime);
            symlink(tar, top + packageName, "current/bin/" + packageName, mtime);
            directory(tar, top + "versions/", mtime);
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(appImage)) {
                paths = walk.sorted((a, b) -> appImage.relativize(a).toString().compareTo(appImage.relativize(b).toString())).toList();
            }
            for (Path p : paths) {
                String name = base + appImage.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    symlink(tar, name, Files.readSymbolicLink(p).toString(), mtime);
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    directory(tar, name.endsWith("/") ? name : name + "/", mtime);
                } else {
                    file(tar, p, name, mtime);
                }
            }
        }
        return out;
    }

    private static void directory(TarArchiveOutputStream tar, String name, Instant mtime) throws IOException {
        tar.putArchiveEntry(TarEntries.normalized(new TarArchiveEntry(name), mtime, 040755));
        tar.closeArchiveEntry();
    }

    private static void symlink(TarArchiveOutputStream tar, String name, String target, Instant mtime) throws IOException {
        TarArchiveEntry e = TarEntries.normalized(new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK), mtime, 0120777);
        e.setLinkName(target);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, Path file, String name, Instant mtime) throws IOException {
        TarArchiveEntry e = TarEntries.normalized(new TarArchiveEntry(name), mtime, Files.isExecutable(file) ? 0100755 : 0100644);
        e.setSize(Files.size(file));
        tar.putArchiveEntry(e);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    /** GZIPOutputStream writes a zero mtime already; this only raises the level. */
    private static final class FixedGzip extends GZIPOutputStream {
        FixedGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
