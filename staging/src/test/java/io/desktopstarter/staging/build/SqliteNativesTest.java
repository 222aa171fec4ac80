package io.desktopstarter.staging.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativesTest {
    private static final Instant BUILD_TIME = Instant.parse("2026-11-23T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void theHostLibraryMovesOutAndTheOthersAreDropped() throws Exception {
        Path jar = sqliteJar(tmp.resolve("one"));

        Optional<List<String>> options = SqliteNatives.relocate(jar, tmp.resolve("one/native"), tmp.resolve("one"), BUILD_TIME);

        assertThat(options).hasValueSatisfying(o -> assertThat(o).contains("-Dorg.sqlite.lib.path=native",
                "-Dorg.sqlite.lib.name=libsqlitejdbc.so"));
        assertThat(tmp.resolve("one/native/libsqlitejdbc.so")).hasContent("host library");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("org/sqlite/JDBC.class");
        }
    }

    /** The zip's DOS time field has no zone: the build's time zone must not show in it (Tokyo is 9 h from UTC). */
    @Test
    void theRepackagedJarIsTheSameInEveryTimeZone() throws Exception {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Path utc = sqliteJar(tmp.resolve("utc"));
            SqliteNatives.relocate(utc, tmp.resolve("utc/native"), tmp.resolve("utc"), BUILD_TIME);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            Path tokyo = sqliteJar(tmp.resolve("tokyo"));
            SqliteNatives.relocate(tokyo, tmp.resolve("tokyo/native"), tmp.resolve("tokyo"), BUILD_TIME);

            assertThat(Files.readAllBytes(tokyo)).isEqualTo(Files.readAllBytes(utc));
        } finally {
            TimeZone.setDefault(before);
        }
    }

    private static Path sqliteJar(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve("sqlite-jdbc-3.50.3.0.jar");
        String host = SqliteNatives.hostDir(Platform.current());
        try (OutputStream raw = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(raw)) {
            entry(zip, "org/sqlite/JDBC.class", "class");
            entry(zip, host + "libsqlitejdbc.so", "host library");
            entry(zip, SqliteNatives.PREFIX + "Other/arch/libsqlitejdbc.so", "other library");
        }
        return jar;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
