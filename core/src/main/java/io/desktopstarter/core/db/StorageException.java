package io.desktopstarter.core.db;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The file system under the database refused: read-only, not allowed, cannot open, full, or an
 * I/O error. Nothing is wrong with the data; the app-data folder is unusable as it is (at start:
 * exit code 3). The message says which file and what to do.
 */
public final class StorageException extends DatabaseException {
    static final int SQLITE_PERM = 3;
    static final int SQLITE_READONLY = 8;
    static final int SQLITE_IOERR = 10;
    static final int SQLITE_FULL = 13;
    static final int SQLITE_CANTOPEN = 14;

    private final Path file;
    private final boolean full;

    StorageException(Path file, SQLException cause) {
        super(describe(file, cause), cause);
        this.file = file;
        this.full = primary(cause) == SQLITE_FULL;
    }

    static boolean covers(SQLException e) {
        return switch (primary(e)) {
            case SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN -> true;
            default -> false;
        };
    }

    /** The database file the failure was about. */
    public Path file() {
        return file;
    }

    /** Whether the disk was full (free space and retry) rather than unwritable. */
    public boolean diskFull() {
        return full;
    }

    static int primary(SQLException e) {
        return e.getErrorCode() & 0xff;
    }

    private static String describe(Path file, SQLException e) {
        Path dir = file.toAbsolutePath().getParent();
        String detail = " (" + e.getMessage() + ").";
        return switch (primary(e)) {
            case SQLITE_FULL -> "The disk holding " + file + " is full" + detail
                    + " The change was not saved. Free some disk space and try again.";
            case SQLITE_CANTOPEN -> "The database file " + file + " cannot be opened" + detail
                    + " Check that " + dir + " is a folder you can write to and that " + file.getFileName()
                    + " in it is a file.";
            case SQLITE_IOERR -> "Reading or writing " + file + " failed" + detail
                    + " The disk may be failing, full or disconnected.";
            default -> "The database file " + file + " cannot be written" + detail
                    + " Make " + dir + " and the files in it writable by you.";
        };
    }
}
