package io.desktopstarter.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway. Before a migration touches an existing database a
 * consistent copy is taken ({@code VACUUM INTO}); if the migration fails, that copy is put back,
 * so a failed update never leaves a half-migrated file behind.
 */
public final class Migrations {
    /** Highest {@code V<n>__} migration shipped in {@code db/migration}; a test keeps them in step. */
    public static final int CURRENT_VERSION = 2;
    public static final String BUILT_IN_LOCATION = "classpath:db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Database database;
    private final Path backupDir;
    private final List<String> locations;
    private final Clock clock;

    public Migrations(Database database, Path backupDir, List<String> locations, Clock clock) {
        this.database = database;
        this.backupDir = backupDir;
        this.locations = List.copyOf(locations);
        this.clock = clock;
    }

    public static Migrations builtIn(Database database, Path backupDir) {
        return new Migrations(database, backupDir, List.of(BUILT_IN_LOCATION), Clock.systemUTC());
    }

    /** What {@link #migrate()} did. */
    public sealed interface Outcome {
        record UpToDate(int version) implements Outcome {
        }

        record Migrated(int from, int to, Optional<Path> backup) implements Outcome {
        }
    }

    public Outcome migrate() {
        boolean existed = Files.exists(database.file());
        int userVersion = database.read(c -> {
            try (Statement s = c.createStatement()) {
                // journal_mode is persistent; setting it on an old database also proves the file is readable.
                s.execute("PRAGMA journal_mode=WAL");
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
        if (userVersion >= CURRENT_VERSION && locations.equals(List.of(BUILT_IN_LOCATION))) {
            // Fast path: starting Flyway costs more than the rest of start-up together.
            if (userVersion > CURRENT_VERSION) {
                LOG.warn("The database is at schema version {}, newer than this app's {}; running anyway",
                        userVersion, CURRENT_VERSION);
            }
            return new Outcome.UpToDate(userVersion);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(database.dataSource())
                .locations(locations.toArray(String[]::new))
                .loggers("slf4j")
                .load();
        MigrationInfoService info = flyway.info();
        MigrationInfo[] pending = info.pending();
        MigrationInfo current = info.current();
        int from = current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
        if (pending.length == 0) {
            setUserVersion(from);
            return new Outcome.UpToDate(from);
        }
        Optional<Path> backup = existed && current != null ? Optional.of(backup(from)) : Optional.empty();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            restore(backup, existed);
            String target = pending[pending.length - 1].getVersion().getVersion();
            String restored = backup.map(p -> "The previous database was restored from " + p + ".")
                    .orElse("The new database was removed.");
            throw new MigrationFailedException(
                    "Updating the database schema from version " + from + " to " + target + " failed: "
                            + firstLine(e.getMessage()) + ". " + restored, backup, e);
        }
        int to = Integer.parseInt(flyway.info().current().getVersion().getVersion());
        setUserVersion(to);
        LOG.info("Database schema migrated from version {} to {}", from, to);
        return new Outcome.Migrated(from, to, backup);
    }

    private Path backup(int version) {
        try {
            Files.createDirectories(backupDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the backup directory " + backupDir, e);
        }
        Path target = backupDir.resolve("app-v" + version + "-" + STAMP.format(clock.instant()) + ".sqlite3");
        database.read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            return null;
        });
        LOG.info("Backed up the database to {} before migrating", target);
        return target;
    }

    private void restore(Optional<Path> backup, boolean existed) {
        Path file = database.file();
        try {
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
            if (backup.isPresent()) {
                Path tmp = file.resolveSibling(file.getFileName() + ".restore.tmp");
                Files.copy(backup.get(), tmp, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } else if (!existed) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Restoring the database after a failed migration failed", e);
        }
    }

    private void setUserVersion(int version) {
        database.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version = " + version);
            }
            return null;
        });
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
    }
}
