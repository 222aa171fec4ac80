package io.desktopstarter.distribution.release;

import io.desktopstarter.distribution.packaging.TarEntries;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** A flat, reproducible tar of a directory's files (sorted, fixed time, root owner, 0644). */
final class Archives {
    private Archives() {
    }

    static Path tar(Path dir, Path out, Instant mtime) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        String top = out.getFileName().toString().replaceFirst("\\.tar$", "") + "/";
        try (OutputStream raw = Files.newOutputStream(out); TarArchiveOutputStream tar = new TarArchiveOutputStream(raw)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path file : files) {
                TarArchiveEntry entry = TarEntries.normalized(new TarArchiveEntry(top + file.getFileName()), mtime, 0100644);
                entry.setSize(Files.size(file));
                tar.putArchiveEntry(entry);
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(tar);
                }
                tar.closeArchiveEntry();
            }
        }
        return out;
    }
}
