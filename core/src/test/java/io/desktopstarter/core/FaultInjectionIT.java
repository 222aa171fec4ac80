package io.desktopstarter.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.core.support.BackendProcess;
import io.desktopstarter.core.support.OldInstall;
import io.desktopstarter.core.support.SqliteFiles;
import io.desktopstarter.core.support.TestClient;
import io.desktopstarter.core.support.Tmpfs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a desktop app meets on users' machines, done to the real backend process: a kill (crash,
 * power cut) in the middle of writes and of a migration, a full disk, read-only app data, and a
 * database path that cannot be opened. Full-disk and read-only cases mount a small tmpfs, so they
 * need Linux and root ({@link Tmpfs}: skipped without, failing under CI=true). Every wait is for
 * an event (a reply count, a log line, an exit), never a fixed sleep.
 */
class FaultInjectionIT {
    static final Duration START = Duration.ofSeconds(30);
    static final Duration EXIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @Test
    void aKillDuringAWriteBurstLosesNoAcknowledgedWriteAndDuplicatesNone() throws Exception {
        Path appData = temp.resolve("app-data");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> unexpected = ConcurrentHashMap.newKeySet();
        try (BackendProcess backend = BackendProcess.start(appData, Map.of())) {
            TestClient client = backend.client(backend.awaitReady(START));
            String csrf = client.csrfToken();
            CountDownLatch enough = new CountDownLatch(60);
            List<Thread> writers = IntStream.range(0, 8).mapToObj(w -> Thread.ofVirtual().start(() -> {
                for (int i = 0; ; i++) {
                    String name = "burst-" + w + "-" + i;
                    try {
                        int status = client.post("/items/new/", Map.of("csrf_token", csrf, "name", name,
                                "status", "GRAZING", "notes", "written during the burst")).statusCode();
                        if (status != 303) {
                            unexpected.add(name + " -> " + status);
                            return;
                        }
                        acknowledged.add(name);
                        enough.countDown();
                    } catch (IOException | InterruptedException gone) {
                        return; // the backend was killed under this request
                    }
                }
            })).toList();
            assertThat(enough.await(30, TimeUnit.SECONDS)).as("60 writes acknowledged").isTrue();

            assertThat(backend.kill()).isNotZero();
            for (Thread writer : writers) {
                assertThat(writer.join(EXIT)).isTrue();
            }
        }
        assertThat(unexpected).isEmpty();

        try (BackendProcess again = BackendProcess.start(appData, Map.of())) {
            TestClient client = again.client(again.awaitReady(START));
            Path db = appData.resolve("app.sqlite3");

            assertThat(SqliteFiles.integrity(db)).isEqualTo("ok");
            List<String> burst = SqliteFiles.column(db, "SELECT name FROM ponies WHERE name LIKE 'burst-%'");
            assertThat(burst).doesNotHaveDuplicates().containsAll(acknowledged);
            assertThat(SqliteFiles.single(db, "SELECT count(*) FROM ponies WHERE name NOT LIKE 'burst-%'"))
                    .as("the demo ponies, seeded once").isEqualTo("3");
            assertThat(client.get("/items/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aKillDuringAMigrationLeavesTheDatabaseAsItWasAndTheNextStartMigrates() throws Exception {
        Path appData = Files.createDirectories(temp.resolve("app-data"));
        Path db = OldInstall.databaseAtVersion1(appData.resolve("app.sqlite3"), "Old Timer");
        Path slow = OldInstall.update(temp.resolve("slow"), OldInstall.SLOW_V3);
        try (BackendProcess backend = BackendProcess.start(BackendProcess.Launch.DEFAULT.withClassPathFirst(slow),
                appData, Map.of())) {
            backend.awaitStderr(OldInstall.V3_HALFWAY, START);
            backend.kill();
        }
        List<Path> backups = files(appData.resolve("backups"));
        assertThat(backups).singleElement().satisfies(b -> {
            assertThat(b.getFileName().toString()).matches("app-v1-\\d{8}T\\d{6}Z\\.sqlite3");
            assertThat(SqliteFiles.integrity(b)).isEqualTo("ok");
            assertThat(SqliteFiles.column(b, "SELECT name FROM ponies")).containsExactly("Old Timer");
        });

        Path quick = OldInstall.update(temp.resolve("quick"), OldInstall.QUICK_V3);
        try (BackendProcess again = BackendProcess.start(BackendProcess.Launch.DEFAULT.withClassPathFirst(quick),
                appData, Map.of())) {
            again.awaitReady(START);
            assertThat(again.stderr()).contains("Database schema migrated from version 2 to 3");
        }
        assertThat(SqliteFiles.integrity(db)).isEqualTo("ok");
        assertThat(SqliteFiles.column(db, "SELECT notes FROM ponies WHERE name = 'Old Timer'"))
                .as("the killed V3's update was rolled back").containsExactly("from v1");
        assertThat(SqliteFiles.column(db, "SELECT name FROM colours")).containsExactly("grey");
        assertThat(SqliteFiles.column(db, "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank"))
                .containsExactly("1", "2", "3");
        assertThat(SqliteFiles.single(db, "PRAGMA user_version")).isEqualTo("3");
    }

    @Test
    void aFullDiskFailsTheWritesThatDoNotFitAndTheAppCarriesOnOnceSpaceIsFree() throws Exception {
        Path appData = temp.resolve("app-data");
        Path db = appData.resolve("app.sqlite3");
        List<String> saved = new ArrayList<>();
        String refused = null;
        try (Tmpfs disk = Tmpfs.mount(appData, "size=4m");
                BackendProcess backend = BackendProcess.start(appData, Map.of())) {
            TestClient client = backend.client(backend.awaitReady(START));
            String csrf = client.csrfToken();
            Path filler = fill(appData.resolve("filler"), disk.usableSpace() - 64 * 1024);

            HttpResponse<String> reply = null;
            for (int i = 0; i < 500 && refused == null; i++) {
                String name = "full-" + i;
                reply = client.post("/items/new/", Map.of("csrf_token", csrf, "name", name, "status", "GRAZING",
                        "notes", "n".repeat(500)));
                if (reply.statusCode() == 303) {
                    saved.add(name);
                } else {
                    refused = name;
                }
            }
            assertThat(refused).as("a write the disk had no room for").isNotNull();
            assertThat(reply.statusCode()).isEqualTo(503);
            assertThat(reply.body()).as("the page says the disk is full and the change was not saved")
                    .contains("is full").contains("The change was not saved");
            assertThat(backend.stderr()).contains(db.toString()).contains("is full");

            Files.delete(filler);
            assertThat(client.post("/items/new/", Map.of("csrf_token", csrf, "name", "after", "status", "GRAZING",
                    "notes", "")).statusCode()).isEqualTo(303);
            assertThat(client.post("/desktop/shutdown", Map.of()).statusCode()).isEqualTo(202);
            assertThat(backend.awaitExit(EXIT)).isZero();

            assertThat(SqliteFiles.integrity(db)).isEqualTo("ok");
            List<String> names = SqliteFiles.column(db, "SELECT name FROM ponies WHERE name LIKE 'full-%' OR name = 'after'");
            assertThat(names).doesNotHaveDuplicates().containsAll(saved).contains("after").doesNotContain(refused);
            try (BackendProcess again = BackendProcess.start(appData, Map.of())) {
                assertThat(again.client(again.awaitReady(START)).get("/items/").body()).contains("after");
            }
        }
    }

    @Test
    void aFullDiskDuringAMigrationPutsThePreviousDatabaseBackAndExitsFive() throws Exception {
        Path appData = temp.resolve("app-data");
        Path db = appData.resolve("app.sqlite3");
        Path big = OldInstall.update(temp.resolve("big"), OldInstall.BIG_V3);
        BackendProcess.Launch update = BackendProcess.Launch.DEFAULT.withClassPathFirst(big);
        try (Tmpfs disk = Tmpfs.mount(appData, "size=1m")) {
            OldInstall.databaseAtVersion1(db, "Old Timer");

            try (BackendProcess backend = BackendProcess.start(update, appData, Map.of())) {
                assertThat(backend.awaitExit(START)).isEqualTo(5);
                // Either the backup went back in place, or (no room even for that copy) the file is
                // as SQLite's own rollback left it: V3 undone, every earlier commit intact.
                assertThat(backend.stderr()).contains("from version 1 to 3 failed").contains("SQLITE_FULL")
                        .contains("free some disk space").containsAnyOf("was restored from", "as SQLite rolled it back");
            }
            assertThat(SqliteFiles.integrity(db)).isEqualTo("ok");
            assertThat(SqliteFiles.column(db, "SELECT name FROM ponies")).containsExactly("Old Timer");
            assertThat(SqliteFiles.column(db, "SELECT name FROM sqlite_master WHERE name = 'colours'")).isEmpty();
            try (Stream<Path> all = Files.walk(appData)) {
                assertThat(all.map(Path::toString)).noneMatch(p -> p.endsWith(".partial") || p.endsWith(".tmp"));
            }

            disk.remount("size=16m");
            try (BackendProcess again = BackendProcess.start(update, appData, Map.of())) {
                again.awaitReady(START);
                assertThat(again.stderr()).contains("Database schema migrated from version");
            }
            assertThat(SqliteFiles.single(db, "SELECT count(*) FROM colours")).isEqualTo("1500");
        }
    }

    @Test
    void appDataOnAReadOnlyDiskExitsThreeAndSaysWhere() throws Exception {
        Path appData = temp.resolve("app-data");
        try (Tmpfs disk = Tmpfs.mount(appData, "size=4m")) {
            try (BackendProcess first = BackendProcess.start(appData, Map.of())) {
                assertThat(first.client(first.awaitReady(START)).post("/desktop/shutdown", Map.of()).statusCode())
                        .isEqualTo(202);
                assertThat(first.awaitExit(EXIT)).isZero();
            }
            byte[] before = Files.readAllBytes(appData.resolve("app.sqlite3"));
            disk.remount("ro");

            try (BackendProcess backend = BackendProcess.start(appData, Map.of())) {
                assertThat(backend.awaitExit(START)).isEqualTo(3);
                assertThat(backend.stderr()).contains("Cannot use the app-data directory " + appData)
                        .contains("Read-only file system");
            }
            assertThat(Files.readAllBytes(appData.resolve("app.sqlite3"))).isEqualTo(before);
        }
    }

    @Test
    void aDatabasePathThatCannotBeOpenedExitsThreeAndSaysWhere() throws Exception {
        Path appData = Files.createDirectories(temp.resolve("app-data"));
        Path notAFile = Files.createDirectories(appData.resolve("app.sqlite3"));

        try (BackendProcess backend = BackendProcess.start(appData, Map.of())) {
            assertThat(backend.awaitExit(START)).isEqualTo(3);
            assertThat(backend.stderr()).contains("Cannot use the app-data directory " + appData)
                    .contains(notAFile + ": not a regular file");
        }
        assertThat(notAFile).isEmptyDirectory();
    }

    private static Path fill(Path file, long bytes) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }
}
