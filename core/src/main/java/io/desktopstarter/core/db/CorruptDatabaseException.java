package io.desktopstarter.core.db;

import java.nio.file.Path;
import java.sql.SQLException;

/** The database file is not a readable SQLite database. It is never overwritten. */
public final class CorruptDatabaseException extends DatabaseException {
    private final Path file;

    CorruptDatabaseException(Path file, SQLException cause) {
        super("The database file " + file + " is damaged (" + cause.getMessage() + "). It has been left "
                + "untouched. Move it aside to start with an empty database, or copy a backup from "
                + file.resolveSibling("backups") + " in its place.", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
