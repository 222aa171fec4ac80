package io.desktopstarter.signing.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes that leave nothing half-written: temp file in the same directory, then an atomic move. */
public final class SafeFiles {
    private SafeFiles() {
    }

    /**
     * @param ownerOnly create the file readable by its owner only (secret keys)
     * @param overwrite replace an existing file; otherwise refuse with {@link FileAlreadyExistsException}
     */
    public static void write(Path target, byte[] content, boolean ownerOnly, boolean overwrite) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target + " exists; pass --force to replace it");
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
