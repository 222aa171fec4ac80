package io.desktopstarter.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.desktopstarter.core.support.BackendProcess;
import io.desktopstarter.core.support.OldInstall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * App data is private on POSIX whatever the umask: the real backend, started under umask 022
 * (which gives 0755 folders and 0644 files), must leave nothing other users can read.
 */
class AppDataPermissionsIT {
    static final Duration START = Duration.ofSeconds(30);
    static final BackendProcess.Launch UMASK_022 = BackendProcess.Launch.DEFAULT.withUmask("022");

    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(PrivateFiles.posix(temp), "POSIX permissions only (Windows: %APPDATA% carries the per-user ACL)");
    }

    @Test
    void aFreshInstallIsPrivate() throws Exception {
        Path appData = temp.resolve("share").resolve("desktop-java-starter");

        try (BackendProcess backend = BackendProcess.start(UMASK_022, appData, Map.of())) {
            backend.awaitReady(START);

            assertThat(mode(appData)).isEqualTo("rwx------");
            assertThat(mode(appData.resolve("logs"))).isEqualTo("rwx------");
            assertThat(mode(appData.resolve("logs/backend.log"))).isEqualTo("rw-------");
            assertThat(mode(appData.resolve("app.sqlite3"))).isEqualTo("rw-------");
            assertThat(mode(appData.resolve("secret.key"))).isEqualTo("rw-------");
            assertThat(others(appData)).isEmpty();
        }
    }

    /**
     * An install made before this fix, then an update with a migration: the start closes every
     * folder and file, and what the migration creates (WAL, shared memory, backup) is private too.
     * They are looked at while the migration runs, when SQLite's -wal and -shm files exist.
     */
    @Test
    void anOlderInstallIsClosedAtStartAndItsNewFilesArePrivate() throws Exception {
        Path appData = Files.createDirectories(temp.resolve("app-data"));
        OldInstall.databaseAtVersion1(appData.resolve("app.sqlite3"), "Old Timer");
        Files.writeString(appData.resolve("secret.key"), "0".repeat(64) + "\n");
        Path logs = Files.createDirectories(appData.resolve("logs"));
        Files.writeString(logs.resolve("backend.1.log"), "an old log\n");
        Files.writeString(logs.resolve("backend.log"), "the current log\n");
        Path helper = Files.createDirectories(appData.resolve("cache")).resolve("jcef_helper");
        Files.writeString(helper, "#!/bin/sh\n");
        Path outside = Files.writeString(temp.resolve("outside.txt"), "not app data");
        Files.createSymbolicLink(appData.resolve("link-to-outside"), outside);
        try (Stream<Path> all = Files.walk(appData)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Path update = OldInstall.update(temp.resolve("update"), OldInstall.SLOW_V3);

        try (BackendProcess backend = BackendProcess.start(UMASK_022.withClassPathFirst(update), appData, Map.of())) {
            backend.awaitStderr(OldInstall.V3_HALFWAY, START);

            for (String folder : new String[] {".", "logs", "backups", "cache"}) {
                assertThat(mode(appData.resolve(folder))).as(folder).isEqualTo("rwx------");
            }
            for (String file : new String[] {"app.sqlite3", "app.sqlite3-wal", "app.sqlite3-shm", "secret.key",
                    "logs/backend.log", "logs/backend.1.log"}) {
                assertThat(mode(appData.resolve(file))).as(file).isEqualTo("rw-------");
            }
            try (Stream<Path> backups = Files.list(appData.resolve("backups"))) {
                assertThat(backups.toList()).singleElement().satisfies(b -> assertThat(mode(b)).isEqualTo("rw-------"));
            }
            assertThat(mode(helper)).as("an executable stays executable for its owner").isEqualTo("rwx------");
            assertThat(mode(outside)).as("a link is not followed").isEqualTo("rw-r--r--");
            assertThat(others(appData)).isEmpty();
            backend.kill();
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new AssertionError(path + ": " + e, e);
        }
    }

    /** Folders and regular files below {@code root} that group or others may use at all. */
    private static java.util.List<String> others(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                            || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !mode(p).endsWith("------"))
                    .map(p -> root.relativize(p) + " " + mode(p))
                    .toList();
        }
    }
}
