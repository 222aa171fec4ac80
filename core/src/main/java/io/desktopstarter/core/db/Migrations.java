package io.desktopstarter.core.db;

import io.desktopstarter.core.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway. Before a migration touches an existing database a
 * consistent copy is taken ({@code VACUUM INTO}); if the migration fails, that copy is put back,
 * so a failed update never leaves a half-migrated file behind. After a successful migration only
 * the newest {@link #BACKUPS_KEPT} backups stay in the backup folder.
 */
public final class Migrations {
    /** Highest {@code V<n>__} migration shipped in {@code db/migration}; a test keeps them in step. */
    public static final int CURRENT_VERSION = 2;
    public static final String BUILT_IN_LOCATION = "classpath:db/migration";
    /** Backups kept after a successful migration, the one it just made included. */
    public static final int BACKUPS_KEPT = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** {@code app-v<schema version>-<UTC time>.sqlite3}; nothing else in the folder is ever deleted. */
    private static final Pattern BACKUP_NAME = Pattern.compile("app-v(\\d+)-(\\d{8}T\\d{6}Z)\\.sqlite3");
    /** A backup being written; renamed to its final name only once complete, so a crash never leaves half a backup. */
    private static final String PARTIAL = ".partial";

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
        // The app creates the file empty (and private) before SQLite opens it: empty is new.
        boolean existed = sizeOf(database.file()) > 0;
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
        String target = pending[pending.length - 1].getVersion().getVersion();
        String attempt = "Updating the database schema from version " + from + " to " + target;
        Optional<Path> backup = existed && current != null ? Optional.of(backup(from, attempt)) : Optional.empty();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            String restored;
            try {
                restore(backup, existed);
                restored = backup.map(p -> "The previous database was restored from " + p + ".")
                        .orElse("The new database was removed.");
            } catch (IOException r) {
                restored = "Putting the previous database back failed too (" + r + "): " + database.file()
                        + " is as SQLite rolled it back" + backup.map(p -> "; the backup is " + p).orElse("") + ".";
            }
            throw new MigrationFailedException(attempt + " failed: " + describe(e) + ". " + restored, backup, e);
        }
        int to = Integer.parseInt(flyway.info().current().getVersion().getVersion());
        setUserVersion(to);
        LOG.info("Database schema migrated from version {} to {}", from, to);
        backup.ifPresent(this::prune);
        return new Outcome.Migrated(from, to, backup);
    }

    /**
     * A consistent, private copy of the database, written under a temporary name and renamed when
     * complete. If it cannot be written (e.g. the disk is full) nothing has been changed yet, and
     * the migration is not attempted.
     */
    private Path backup(int version, String attempt) {
        Path target = backupDir.resolve("app-v" + version + "-" + STAMP.format(clock.instant()) + ".sqlite3");
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        try {
            PrivateFiles.folder(backupDir);
            removePartials();
            // VACUUM INTO accepts an existing empty file, and this one is 0600 from the start.
            PrivateFiles.file(partial);
            database.read(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM INTO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
                }
                return null;
            });
            move(partial, target);
        } catch (CorruptDatabaseException e) {
            deleteQuietly(partial);
            throw e;
        } catch (IOException | DatabaseException e) {
            deleteQuietly(partial);
            String reason = e instanceof StorageException ? e.getMessage() : e.toString();
            throw new MigrationFailedException(attempt + " was not started: the backup " + target
                    + " could not be written (" + reason + "). The database was not changed.", Optional.empty(), e);
        }
        LOG.info("Backed up the database to {} before migrating", target);
        return target;
    }

    /**
     * Puts the backup back. The copy is made first, under a temporary name: if that fails (a full
     * disk) the database stays as SQLite rolled it back. Only then go the WAL and shared-memory
     * files, which must never be paired with another database file, and the copy takes its place.
     */
    private void restore(Optional<Path> backup, boolean existed) throws IOException {
        Path file = database.file();
        Path wal = Path.of(file + "-wal");
        Path shm = Path.of(file + "-shm");
        if (backup.isPresent()) {
            Path tmp = file.resolveSibling(file.getFileName() + ".restore.tmp");
            try {
                Files.deleteIfExists(tmp);
                PrivateFiles.file(tmp);
                Files.copy(backup.get(), tmp, StandardCopyOption.REPLACE_EXISTING);
                PrivateFiles.file(tmp);
            } catch (IOException e) {
                deleteQuietly(tmp);
                throw e;
            }
            Files.deleteIfExists(wal);
            Files.deleteIfExists(shm);
            move(tmp, file);
        } else if (!existed) {
            Files.deleteIfExists(wal);
            Files.deleteIfExists(shm);
            Files.deleteIfExists(file);
        }
    }

    /** Keeps the newest {@link #BACKUPS_KEPT} backups by the time in their names, and always {@code keep}. */
    private void prune(Path keep) {
        List<Path> older;
        try (Stream<Path> files = Files.list(backupDir)) {
            older = files.filter(p -> !p.equals(keep))
                    .filter(p -> BACKUP_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> stampOf(p)).thenComparing(Path::getFileName).reversed())
                    .skip(BACKUPS_KEPT - 1)
                    .toList();
        } catch (IOException e) {
            LOG.warn("Could not list {} to remove old backups: {}", backupDir, e.toString());
            return;
        }
        for (Path old : older) {
            try {
                Files.deleteIfExists(old);
                LOG.info("Removed the old backup {} (keeping the newest {})", old, BACKUPS_KEPT);
            } catch (IOException e) {
                LOG.warn("Could not remove the old backup {}: {}", old, e.toString());
            }
        }
    }

    private static String stampOf(Path backup) {
        Matcher m = BACKUP_NAME.matcher(backup.getFileName().toString());
        return m.matches() ? m.group(2) : "";
    }

    /** Leftovers of a backup interrupted by a crash or a kill; never a usable backup. */
    private void removePartials() throws IOException {
        try (Stream<Path> files = Files.list(backupDir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(PARTIAL)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: a leftover partial is removed before the next backup
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
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

    /** Flyway's first line ("Migration V3__x.sql failed") plus the SQLite error under it (e.g. disk full). */
    private static String describe(FlywayException e) {
        String text = firstLine(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null && !text.contains(sql.getMessage())) {
                text += " (" + sql.getMessage() + ")";
                if (StorageException.primary(sql) == StorageException.SQLITE_FULL) {
                    text += "; free some disk space and start the app again";
                }
                break;
            }
        }
        return text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
    }
}
