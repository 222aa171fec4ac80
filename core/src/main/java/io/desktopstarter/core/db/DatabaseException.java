package io.desktopstarter.core.db;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A database failure; {@link CorruptDatabaseException} when the file itself is damaged,
 * {@link StorageException} when the file system under it refused (read-only, full, cannot open).
 */
public class DatabaseException extends RuntimeException {
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    static DatabaseException wrap(Path file, SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
            return new CorruptDatabaseException(file, e);
        }
        if (StorageException.covers(e)) {
            return new StorageException(file, e);
        }
        return new DatabaseException("Database error on " + file + ": " + e.getMessage(), e);
    }
}
