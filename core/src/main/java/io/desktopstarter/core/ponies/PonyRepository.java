package io.desktopstarter.core.ponies;

import io.desktopstarter.core.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores ponies, and seeds the first three exactly once per database. */
public final class PonyRepository {
    static final String SEEDED_FLAG = "ponies_seeded";
    static final List<PonyDraft> SEED = List.of(
            new PonyDraft("Starlight Sprinkle", PonyStatus.GRAZING, "Loves clover and quiet mornings."),
            new PonyDraft("Thunder Hoof", PonyStatus.GALLOPING, "Fastest pony on the east meadow."),
            new PonyDraft("Velvet Mane", PonyStatus.SHOW_READY, "Braided and ready for Saturday's show."));

    private final Database db;
    private final Clock clock;

    public PonyRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Inserts the demo ponies on first run; a recorded flag stops it ever happening again. */
    public boolean seedOnce() {
        return db.write(c -> {
            try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM app_flags WHERE name = ?")) {
                check.setString(1, SEEDED_FLAG);
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            for (PonyDraft draft : SEED) {
                insert(c, draft);
            }
            try (PreparedStatement flag = c.prepareStatement(
                    "INSERT INTO app_flags (name, value, updated_at) VALUES (?, 'true', ?)")) {
                flag.setString(1, SEEDED_FLAG);
                flag.setString(2, clock.instant().toString());
                flag.executeUpdate();
            }
            return true;
        });
    }

    public List<Pony> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, status, notes, updated_at FROM ponies ORDER BY lower(name), id");
                    ResultSet rs = ps.executeQuery()) {
                List<Pony> ponies = new ArrayList<>();
                while (rs.next()) {
                    ponies.add(map(rs));
                }
                return ponies;
            }
        });
    }

    public Optional<Pony> find(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, status, notes, updated_at FROM ponies WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    public long create(PonyDraft draft) {
        return db.write(c -> insert(c, draft));
    }

    public boolean update(long id, PonyDraft draft) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ponies SET name = ?, status = ?, notes = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, draft.name());
                ps.setString(2, draft.status().name());
                ps.setString(3, draft.notes());
                ps.setString(4, clock.instant().toString());
                ps.setLong(5, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public boolean delete(long id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ponies WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private long insert(Connection c, PonyDraft draft) throws SQLException {
        String now = clock.instant().toString();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ponies (name, status, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, draft.name());
            ps.setString(2, draft.status().name());
            ps.setString(3, draft.notes());
            ps.setString(4, now);
            ps.setString(5, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Pony map(ResultSet rs) throws SQLException {
        return new Pony(
                rs.getLong("id"),
                rs.getString("name"),
                PonyStatus.parse(rs.getString("status")).orElseThrow(),
                rs.getString("notes"),
                Instant.parse(rs.getString("updated_at")));
    }
}
