package io.desktopstarter.core;

import io.desktopstarter.core.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes sure the app-data directory exists and is writable before anything depends on it. */
final class AppData {
    private AppData() {
    }

    /** Thrown when the directory cannot be created or written; the message names the path and the fix. */
    static final class UnusableException extends Exception {
        UnusableException(Path dir, Exception cause) {
            super("Cannot use the app-data directory " + dir + " (" + describe(cause) + "). Make it writable, "
                    + "or set " + Settings.ENV_APP_DATA_DIR + " to a writable directory.", cause);
        }

        private static String describe(Exception e) {
            String kind = e.getClass().getSimpleName().replace("Exception", "");
            return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
        }
    }

    static void prepare(Settings settings) throws UnusableException {
        Path dir = settings.appDataDir();
        try {
            Files.createDirectories(dir);
            Files.createDirectories(settings.logDir());
            // A fixed name, not createTempFile: that seeds SecureRandom, which costs start-up time.
            Files.newByteChannel(dir.resolve(".write-probe"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE).close();
        } catch (IOException | SecurityException e) {
            throw new UnusableException(dir, e);
        }
    }
}
