package io.desktopstarter.core.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * An install made by an older version (database at schema version 1) and an update that ships a
 * further migration: its {@code db/migration/V3__….sql} goes in a folder put first on the
 * backend's class path ({@link BackendProcess.Launch#withClassPathFirst}), as a newer jar would carry it.
 */
public final class OldInstall {
    /**
     * A V3 that stands for a long data migration: it changes rows, then computes for hours on the
     * CPU (no disk). Flyway logs the result of a query in a migration, so the marker row
     * ({@link #V3_HALFWAY}) appears on stderr once the changes are made: a test kills the backend
     * then, inside V3's transaction, at a known point.
     */
    public static final String SLOW_V3 = """
            UPDATE ponies SET notes = 'half-migrated';
            CREATE TABLE colours (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            INSERT INTO colours (name) VALUES ('grey');
            SELECT 'v3-changes-made' AS marker;
            SELECT count(*) FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)
                                  SELECT x FROM n LIMIT 1000000000000);
            """;
    /** Logged (as a query result) once {@link #SLOW_V3} has made its changes and begins its long computation. */
    public static final String V3_HALFWAY = "v3-changes-made";
    /** The same V3 when it is allowed to finish. */
    public static final String QUICK_V3 = """
            CREATE TABLE colours (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            INSERT INTO colours (name) VALUES ('grey');
            """;
    /** A V3 that needs about 3 MB: more than a small disk has left. */
    public static final String BIG_V3 = """
            CREATE TABLE colours (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            INSERT INTO colours (name)
                SELECT 'grey ' || hex(randomblob(1000))
                FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 1500) SELECT x FROM n);
            """;

    private OldInstall() {
    }

    /** A database as version 1 of the app left it, with the given ponies in it. */
    public static Path databaseAtVersion1(Path file, String... ponies) throws SQLException {
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                .locations("classpath:db/migration")
                .target("1")
                .loggers("slf4j")
                .load()
                .migrate();
        for (String name : ponies) {
            SqliteFiles.execute(file, "INSERT INTO ponies (name, status, notes, created_at, updated_at) VALUES ('"
                    + name + "', 'GRAZING', 'from v1', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");
        }
        SqliteFiles.execute(file, "PRAGMA user_version = 1");
        return file;
    }

    /** A class-path folder holding {@code db/migration/V3__colours.sql} with {@code sql}. */
    public static Path update(Path folder, String sql) throws IOException {
        Path migrations = Files.createDirectories(folder.resolve("db").resolve("migration"));
        Files.writeString(migrations.resolve("V3__colours.sql"), sql);
        return folder;
    }
}
