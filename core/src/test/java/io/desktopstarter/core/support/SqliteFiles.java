package io.desktopstarter.core.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Looks into a SQLite file from the test, with its own connection, as a forensic tool would. */
public final class SqliteFiles {
    private SqliteFiles() {
    }

    /** The first column of every row of {@code sql}, as text. */
    public static List<String> column(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    public static String single(Path file, String sql) throws SQLException {
        List<String> values = column(file, sql);
        if (values.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " on " + file + ", got " + values);
        }
        return values.getFirst();
    }

    /** {@code ok} for an intact file, else SQLite's list of problems. */
    public static String integrity(Path file) throws SQLException {
        return String.join("\n", column(file, "PRAGMA integrity_check"));
    }

    public static void execute(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
