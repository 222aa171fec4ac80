package io.desktopstarter.core;

import io.desktopstarter.contract.LaunchEnvironment;
import io.desktopstarter.core.config.Settings;
import io.desktopstarter.core.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes sure the app-data directory exists, is writable and private (POSIX: folders 0700, files
 * 0600) before anything depends on it.
 */
final class AppData {
    static final int TIGHTEN_DEPTH = 2;

    private AppData() {
    }

    /** Thrown when the directory cannot be created or written; the message names the path and the fix. */
    static final class UnusableException extends Exception {
        UnusableException(Path dir, Exception cause) {
            super("Cannot use the app-data directory " + dir + " (" + describe(cause) + "). Make it writable, "
                    + "or set " + LaunchEnvironment.APP_DATA_DIR + " to a writable directory.", cause);
        }

        private static String describe(Exception e) {
            String kind = e.getClass().getSimpleName().replace("Exception", "");
            return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
        }
    }

    /**
     * Creates what is missing, proves the folder writable, closes an older install to other users
     * (it may hold 0755 folders and 0644 files) and creates the database file empty and 0600 before
     * SQLite opens it, so SQLite's -wal, -shm and -journal files get the same mode.
     */
    static void prepare(Settings settings) throws UnusableException {
        Path dir = settings.appDataDir();
        try {
            PrivateFiles.folder(dir);
            // A fixed name, not createTempFile: that seeds SecureRandom, which costs start-up time.
            Files.newByteChannel(dir.resolve(".write-probe"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE).close();
            // Two levels: the backend's own files (app.sqlite3, logs/*, backups/*) and every folder
            // beside them. Deeper trees (a Chromium profile, an unpacked update) belong to the shell,
            // sit behind two 0700 folders already, and would cost start-up time on every launch.
            PrivateFiles.tighten(dir, TIGHTEN_DEPTH);
            PrivateFiles.folder(settings.logDir());
            PrivateFiles.file(settings.databaseFile());
        } catch (IOException | SecurityException e) {
            throw new UnusableException(dir, e);
        }
    }
}
