package io.desktopstarter.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's refusals are sorted so the backend can give the right exit code and message. */
class DatabaseErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aDatabasePathThatCannotBeOpenedIsAStorageProblemNamingTheFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("app.sqlite3"));
        Database db = new Database(folder);

        assertThatThrownBy(() -> db.read(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute("SELECT 1");
            }
        })).isInstanceOfSatisfying(StorageException.class, e -> {
            assertThat(e.file()).isEqualTo(folder);
            assertThat(e.diskFull()).isFalse();
            assertThat(e).hasMessageContaining("cannot be opened").hasMessageContaining(folder.toString());
        });
    }

    @Test
    void readOnlyFullAndIoErrorsAreStorageProblemsWithTheirOwnAdvice() {
        Path file = dir.resolve("app.sqlite3");

        DatabaseException readOnly = DatabaseException.wrap(file,
                new SQLiteException("attempt to write a readonly database", SQLiteErrorCode.SQLITE_READONLY_DIRECTORY));
        DatabaseException full = DatabaseException.wrap(file,
                new SQLiteException("database or disk is full", SQLiteErrorCode.SQLITE_FULL));
        DatabaseException io = DatabaseException.wrap(file,
                new SQLiteException("disk I/O error", SQLiteErrorCode.SQLITE_IOERR_WRITE));
        DatabaseException busy = DatabaseException.wrap(file,
                new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY));

        assertThat(readOnly).isInstanceOf(StorageException.class).hasMessageContaining("cannot be written")
                .hasMessageContaining(dir.toString());
        assertThat(full).isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.diskFull()).isTrue())
                .hasMessageContaining("is full").hasMessageContaining("Free some disk space");
        assertThat(io).isInstanceOf(StorageException.class).hasMessageContaining("Reading or writing " + file);
        assertThat(busy).isNotInstanceOf(StorageException.class).isNotInstanceOf(CorruptDatabaseException.class);
    }
}
