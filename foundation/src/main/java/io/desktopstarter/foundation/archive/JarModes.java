package io.desktopstarter.foundation.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A jar the build made itself, with the build's umask taken out. Maven's archiver copies each entry's
 * Unix mode from the file on disk and only clears what umask 022 clears, so a checkout or build under
 * umask 077 yields {@code drwx------} and {@code -rw-------} entries and a different jar. Rewriting
 * the jar through one writer with 0755 for folders and executables and 0644 for the rest gives the same
 * bytes from either build; entry order, times, extra fields and the compressed data are copied as they are.
 */
public final class JarModes {
    private static final int TYPE_BITS = 0170000;
    private static final int ANY_EXECUTE = 0111;

    private JarModes() {
    }

    /** Rewrites {@code jar} in place, every time: whichever build made it, the result goes through the same writer. */
    public static void normalize(Path jar) throws IOException {
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".modes");
        try (ZipFile zip = ZipFile.builder().setPath(jar).get();
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(rewritten)) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                ZipArchiveEntry copy = new ZipArchiveEntry(entry);
                if (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX) {
                    copy.setUnixMode(stableMode(entry.getUnixMode(), entry.isDirectory()));
                }
                try (InputStream raw = zip.getRawInputStream(entry)) {
                    out.addRawArchiveEntry(copy, raw);
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(rewritten);
            throw new IOException("cannot rewrite " + jar + " with fixed entry modes: " + e.getMessage(), e);
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The file type bits kept, the permissions 0755 for folders and anything executable, 0644 otherwise. */
    static int stableMode(int mode, boolean directory) {
        int permissions = directory || (mode & ANY_EXECUTE) != 0 ? 0755 : 0644;
        return (mode & TYPE_BITS) | permissions;
    }
}
