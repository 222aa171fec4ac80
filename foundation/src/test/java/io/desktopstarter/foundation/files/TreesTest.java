package io.desktopstarter.foundation.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege there")
class TreesTest {
    @TempDir
    Path tmp;

    @Test
    void copyReplacesTheTargetKeepingLinksAsLinksAndTimes() throws Exception {
        Path from = tree(tmp.resolve("from"));
        Path to = Files.createDirectories(tmp.resolve("to"));
        Files.writeString(to.resolve("stale.txt"), "gone after the copy");

        Trees.copy(from, to);

        assertThat(to.resolve("stale.txt")).doesNotExist();
        assertThat(to.resolve("lib/app.jar")).hasContent("jar bytes");
        assertThat(Files.getLastModifiedTime(to.resolve("lib/app.jar"))).isEqualTo(FileTime.from(Instant.parse("2026-11-23T00:00:00Z")));
        assertThat(Files.isSymbolicLink(to.resolve("current"))).isTrue();
        assertThat(Files.readSymbolicLink(to.resolve("current"))).isEqualTo(Path.of("lib"));
        assertThat(Trees.regularFiles(to)).containsExactly(to.resolve("README"), to.resolve("lib/app.jar"));
    }

    @Test
    void deleteRemovesLinksNotWhatTheyPointAt() throws Exception {
        Path outside = Files.writeString(tmp.resolve("keep.txt"), "outside");
        Path root = tree(tmp.resolve("root"));
        Files.createSymbolicLink(root.resolve("lib/out"), outside);
        Files.createSymbolicLink(root.resolve("up"), tmp);

        Trees.delete(root);
        Trees.delete(root);

        assertThat(root).doesNotExist();
        assertThat(outside).hasContent("outside");
    }

    @Test
    void sizeCountsRegularFilesOnlyAndNamesAreSlashSeparated() throws Exception {
        Path root = tree(tmp.resolve("root"));

        assertThat(Trees.size(root)).isEqualTo("jar bytes".length() + "read me".length());
        assertThat(Trees.relative(root, root.resolve("lib/app.jar"))).isEqualTo("lib/app.jar");
    }

    private static Path tree(Path root) throws Exception {
        Path jar = Files.writeString(Files.createDirectories(root.resolve("lib")).resolve("app.jar"), "jar bytes");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-23T00:00:00Z")));
        Files.writeString(root.resolve("README"), "read me");
        Files.createSymbolicLink(root.resolve("current"), Path.of("lib"));
        return root;
    }
}
