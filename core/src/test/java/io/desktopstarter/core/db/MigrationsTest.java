package io.desktopstarter.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.core.ponies.PonyDraft;
import io.desktopstarter.core.ponies.PonyRepository;
import io.desktopstarter.core.ponies.PonyStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void freshDatabaseIsMigratedWithoutABackupAndThenTakesTheFastPath() {
        Database db = new Database(dir.resolve("app.sqlite3"));

        Migrations.Outcome first = Migrations.builtIn(db, dir.resolve("backups")).migrate();
        Migrations.Outcome second = Migrations.builtIn(db, dir.resolve("backups")).migrate();

        assertThat(first).isEqualTo(new Migrations.Outcome.Migrated(0, Migrations.CURRENT_VERSION, java.util.Optional.empty()));
        assertThat(second).isEqualTo(new Migrations.Outcome.UpToDate(Migrations.CURRENT_VERSION));
        assertThat(dir.resolve("backups")).doesNotExist();
        assertThat(journalMode(db)).isEqualTo("wal");
    }

    @Test
    void currentVersionMatchesTheNewestShippedMigration() throws IOException {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(p -> name.matcher(p.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max().orElseThrow();
        }
        assertThat(Migrations.CURRENT_VERSION).isEqualTo(newest);
    }

    @Test
    void failingMigrationRestoresTheBackupAndKeepsTheData() throws Exception {
        Path file = dir.resolve("app.sqlite3");
        Database db = new Database(file);
        Migrations.builtIn(db, dir.resolve("backups")).migrate();
        PonyRepository ponies = new PonyRepository(db, CLOCK);
        ponies.create(new PonyDraft("Keeper", PonyStatus.GRAZING, "must survive"));

        Path extra = Files.createDirectories(dir.resolve("extra"));
        // A change that half-applies before failing: the new column lands, then the bad statement throws.
        Files.writeString(extra.resolve("V3__broken.sql"),
                "ALTER TABLE ponies ADD COLUMN colour TEXT;\nUPDATE ponies SET colour = 'grey';\nSELECT * FROM no_such_table;\n");
        Migrations broken = new Migrations(db, dir.resolve("backups"),
                List.of(Migrations.BUILT_IN_LOCATION, "filesystem:" + extra), CLOCK);

        assertThatThrownBy(broken::migrate)
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("from version 2 to 3 failed")
                .hasMessageContaining("restored from")
                .satisfies(e -> assertThat(((MigrationFailedException) e).restoredFrom()).isPresent());

        assertThat(ponies.list()).extracting(p -> p.name()).contains("Keeper");
        assertThat(columns(db)).doesNotContain("colour");
        try (var backups = Files.list(dir.resolve("backups"))) {
            assertThat(backups.map(p -> p.getFileName().toString()).toList())
                    .containsExactly("app-v2-20261123T100000Z.sqlite3");
        }
        assertThat(Migrations.builtIn(db, dir.resolve("backups")).migrate())
                .isEqualTo(new Migrations.Outcome.UpToDate(Migrations.CURRENT_VERSION));
    }

    @Test
    void successfulUpgradeKeepsABackupOfThePreviousVersion() throws Exception {
        Database db = new Database(dir.resolve("app.sqlite3"));
        Migrations.builtIn(db, dir.resolve("backups")).migrate();
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(extra.resolve("V3__colour.sql"), "ALTER TABLE ponies ADD COLUMN colour TEXT;\n");

        Migrations.Outcome outcome = new Migrations(db, dir.resolve("backups"),
                List.of(Migrations.BUILT_IN_LOCATION, "filesystem:" + extra), CLOCK).migrate();

        assertThat(outcome).isInstanceOfSatisfying(Migrations.Outcome.Migrated.class, m -> {
            assertThat(m.from()).isEqualTo(2);
            assertThat(m.to()).isEqualTo(3);
            assertThat(m.backup()).hasValueSatisfying(p -> assertThat(p).exists());
        });
        assertThat(columns(db)).contains("colour");
    }

    @Test
    void afterASuccessfulUpgradeOnlyTheNewestBackupsStay() throws Exception {
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Database db = new Database(dir.resolve("app.sqlite3"));
        Migrations.builtIn(db, backups).migrate();
        for (String name : List.of("app-v1-20250101T000000Z.sqlite3", "app-v2-20260101T000000Z.sqlite3",
                "app-v1-20260601T000000Z.sqlite3", "app-v2-20261001T000000Z.sqlite3")) {
            Files.writeString(backups.resolve(name), "an older backup");
        }
        Files.writeString(backups.resolve("my-own-copy.sqlite3"), "the user's file");
        Files.writeString(backups.resolve("app-v2-20261122T000000Z.sqlite3.partial"), "half a backup from a crash");

        Migrations.Outcome outcome = upgradeToV3(db, CLOCK);

        assertThat(outcome).isInstanceOf(Migrations.Outcome.Migrated.class);
        assertThat(names(backups)).containsExactlyInAnyOrder(
                "app-v2-20261123T100000Z.sqlite3",   // the one just made
                "app-v2-20261001T000000Z.sqlite3", "app-v1-20260601T000000Z.sqlite3",
                "my-own-copy.sqlite3");
        assertThat(Migrations.BACKUPS_KEPT).isEqualTo(3);
    }

    @Test
    void theBackupJustMadeStaysEvenWhenTheClockWentBack() throws Exception {
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Database db = new Database(dir.resolve("app.sqlite3"));
        Migrations.builtIn(db, backups).migrate();
        for (String name : List.of("app-v2-20300101T000000Z.sqlite3", "app-v2-20300102T000000Z.sqlite3",
                "app-v2-20300103T000000Z.sqlite3")) {
            Files.writeString(backups.resolve(name), "made while the clock was ahead");
        }

        upgradeToV3(db, CLOCK);

        assertThat(names(backups)).containsExactlyInAnyOrder("app-v2-20261123T100000Z.sqlite3",
                "app-v2-20300103T000000Z.sqlite3", "app-v2-20300102T000000Z.sqlite3");
    }

    @Test
    void backupsAreCompleteAndOwnerOnly() throws Exception {
        Database db = new Database(dir.resolve("app.sqlite3"));
        Migrations.builtIn(db, dir.resolve("backups")).migrate();
        new PonyRepository(db, CLOCK).create(new PonyDraft("Keeper", PonyStatus.GRAZING, ""));

        Migrations.Outcome.Migrated outcome = (Migrations.Outcome.Migrated) upgradeToV3(db, CLOCK);

        Path backup = outcome.backup().orElseThrow();
        Database copy = new Database(backup);
        assertThat(new PonyRepository(copy, CLOCK).list()).extracting(p -> p.name()).containsExactly("Keeper");
        if (io.desktopstarter.core.files.PrivateFiles.posix(dir)) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                    .isEqualTo("rw-------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("backups")))).isEqualTo("rwx------");
        }
    }

    @Test
    void whenTheBackupCannotBeWrittenTheMigrationIsNotStarted() throws Exception {
        Database db = new Database(dir.resolve("app.sqlite3"));
        Migrations.builtIn(db, dir.resolve("backups")).migrate();
        Path notAFolder = Files.writeString(dir.resolve("backups-file"), "in the way");
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(extra.resolve("V3__colour.sql"), "ALTER TABLE ponies ADD COLUMN colour TEXT;\n");

        assertThatThrownBy(new Migrations(db, notAFolder, List.of(Migrations.BUILT_IN_LOCATION, "filesystem:" + extra),
                CLOCK)::migrate)
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("from version 2 to 3 was not started")
                .hasMessageContaining("The database was not changed");

        assertThat(columns(db)).doesNotContain("colour");
        assertThat(notAFolder).hasContent("in the way");
    }

    @Test
    void aNewDatabaseCreatedEmptyBeforehandIsStillNew() throws Exception {
        Path file = Files.createFile(dir.resolve("app.sqlite3"));

        Migrations.Outcome outcome = Migrations.builtIn(new Database(file), dir.resolve("backups")).migrate();

        assertThat(outcome).isEqualTo(new Migrations.Outcome.Migrated(0, Migrations.CURRENT_VERSION, java.util.Optional.empty()));
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    private Migrations.Outcome upgradeToV3(Database db, Clock clock) throws IOException {
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(extra.resolve("V3__colour.sql"), "ALTER TABLE ponies ADD COLUMN colour TEXT;\n");
        return new Migrations(db, dir.resolve("backups"), List.of(Migrations.BUILT_IN_LOCATION, "filesystem:" + extra),
                clock).migrate();
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void garbageFileIsReportedAsCorruptAndLeftUntouched() throws Exception {
        Path file = dir.resolve("app.sqlite3");
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> Migrations.builtIn(new Database(file), dir.resolve("backups")).migrate())
                .isInstanceOf(CorruptDatabaseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(dir.resolve("app.sqlite3-wal")).doesNotExist();
    }

    private static String journalMode(Database db) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static List<String> columns(Database db) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(ponies)")) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString("name"));
                }
                return names;
            }
        });
    }
}
