package io.desktopstarter.core.db;

import java.nio.file.Path;
import java.util.Optional;

/** A schema migration failed; the database was put back as it was before the attempt. */
public final class MigrationFailedException extends DatabaseException {
    private final Optional<Path> restoredFrom;

    MigrationFailedException(String message, Optional<Path> restoredFrom, Throwable cause) {
        super(message, cause);
        this.restoredFrom = restoredFrom;
    }

    public Optional<Path> restoredFrom() {
        return restoredFrom;
    }
}
