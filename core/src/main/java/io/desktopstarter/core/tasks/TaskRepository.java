package io.desktopstarter.core.tasks;

import io.desktopstarter.core.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The task queue lives in SQLite so the server and the worker process share it safely. */
public final class TaskRepository {
    public static final String ABANDONED = "Abandoned - app restarted";
    public static final String INTERRUPTED = "Interrupted - app closed";

    private static final String COLUMNS = "id, state, message, created_at, started_at, finished_at";

    private final Database db;
    private final Clock clock;

    public TaskRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public DemoTask create() {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tasks (state, message, created_at) VALUES ('PENDING', 'Waiting for the worker', ?) "
                            + "RETURNING " + COLUMNS)) {
                ps.setString(1, clock.instant().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return map(rs);
                }
            }
        });
    }

    public List<DemoTask> recent(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM tasks ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<DemoTask> tasks = new ArrayList<>();
                    while (rs.next()) {
                        tasks.add(map(rs));
                    }
                    return tasks;
                }
            }
        });
    }

    /** Atomically moves the oldest PENDING task to RUNNING; one writer at a time thanks to BEGIN IMMEDIATE. */
    public Optional<DemoTask> claimNext() {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tasks SET state = 'RUNNING', message = 'Working…', started_at = ? "
                            + "WHERE id = (SELECT id FROM tasks WHERE state = 'PENDING' ORDER BY id LIMIT 1) "
                            + "RETURNING " + COLUMNS)) {
                ps.setString(1, clock.instant().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    public void finish(long id, TaskState state, String message) {
        if (!state.finished()) {
            throw new IllegalArgumentException("finish needs DONE or FAILED, not " + state);
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tasks SET state = ?, message = ?, finished_at = ? WHERE id = ? AND state = 'RUNNING'")) {
                ps.setString(1, state.name());
                ps.setString(2, message);
                ps.setString(3, clock.instant().toString());
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Run by the server at start, before any worker exists: nothing can still be working on these. */
    public int failUnfinished() {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tasks SET state = 'FAILED', message = ?, finished_at = ? "
                            + "WHERE state IN ('PENDING', 'RUNNING')")) {
                ps.setString(1, ABANDONED);
                ps.setString(2, clock.instant().toString());
                return ps.executeUpdate();
            }
        });
    }

    private static DemoTask map(ResultSet rs) throws SQLException {
        return new DemoTask(
                rs.getLong("id"),
                TaskState.valueOf(rs.getString("state")),
                rs.getString("message"),
                Instant.parse(rs.getString("created_at")),
                Optional.ofNullable(rs.getString("started_at")).map(Instant::parse),
                Optional.ofNullable(rs.getString("finished_at")).map(Instant::parse));
    }
}
