package io.desktopstarter.core.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The app's SQLite file. Each unit of work gets its own short-lived connection: reads run in
 * autocommit, writes in {@code BEGIN IMMEDIATE} so two writers queue on the busy timeout instead
 * of failing halfway through with SQLITE_BUSY on lock upgrade.
 */
public final class Database {
    static final int BUSY_TIMEOUT_MS = 20_000;

    private final Path file;
    private final SQLiteDataSource reads;
    private final SQLiteDataSource writes;

    public Database(Path file) {
        this.file = file;
        this.reads = dataSource(file, false);
        this.writes = dataSource(file, true);
    }

    /** Work done with a connection; may throw SQLException, which callers see as {@link DatabaseException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public Path file() {
        return file;
    }

    /** Data source for tools (Flyway) that manage transactions themselves. */
    public SQLiteDataSource dataSource() {
        return reads;
    }

    public <T> T read(Work<T> work) {
        try (Connection c = reads.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw DatabaseException.wrap(file, e);
        }
    }

    public <T> T write(Work<T> work) {
        try (Connection c = writes.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    // SQLite already rolled back on its own (e.g. a commit refused by a full disk):
                    // the first error is the one that says what happened.
                    e.addSuppressed(r);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseException.wrap(file, e);
        }
    }

    private static SQLiteDataSource dataSource(Path file, boolean immediate) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        if (immediate) {
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }
}
