package io.desktopstarter.signing.files;

import io.desktopstarter.foundation.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Key, signature and manifest files: written atomically ({@link AtomicFiles}), never replaced by accident. */
public final class SafeFiles {
    private SafeFiles() {
    }

    /**
     * @param ownerOnly create the file readable by its owner only (secret keys)
     * @param overwrite replace an existing file; otherwise refuse with {@link FileAlreadyExistsException}
     */
    public static void write(Path target, byte[] content, boolean ownerOnly, boolean overwrite) throws IOException {
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target + " exists; pass --force to replace it");
        }
        AtomicFiles.write(target, content, ownerOnly);
    }
}
