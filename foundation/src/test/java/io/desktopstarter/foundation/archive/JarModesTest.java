package io.desktopstarter.foundation.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarModesTest {
    @TempDir
    Path tmp;

    @Test
    void jarsBuiltUnderDifferentUmasksBecomeTheSameBytes() throws IOException {
        Path loose = jar("umask-022.jar", 0755, 0644, 0755);
        Path tight = jar("umask-077.jar", 0700, 0600, 0700);
        assertThat(Files.readAllBytes(loose)).isNotEqualTo(Files.readAllBytes(tight));

        JarModes.normalize(loose);
        JarModes.normalize(tight);

        assertThat(Files.readAllBytes(tight)).isEqualTo(Files.readAllBytes(loose));
        assertThat(modes(tight)).containsExactly("META-INF/=40755", "META-INF/MANIFEST.MF=100644", "run.sh=100755");
    }

    @Test
    void contentOrderAndTimesAreKept() throws IOException {
        Path jar = jar("app.jar", 0700, 0600, 0700);

        JarModes.normalize(jar);

        try (ZipFile zip = ZipFile.builder().setPath(jar).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
            assertThat(entries).extracting(ZipArchiveEntry::getName).containsExactly("META-INF/", "META-INF/MANIFEST.MF", "run.sh");
            assertThat(entries.get(1).getLastModifiedTime()).isEqualTo(FileTime.fromMillis(1_700_000_000_000L));
            assertThat(entries.get(1).getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(new String(zip.getInputStream(entries.get(1)).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("Manifest-Version: 1.0\n".repeat(50));
        }
        assertThat(tmp.resolve("app.jar.modes")).doesNotExist();
    }

    @Test
    void aDamagedJarIsReportedAndLeftAsItWas() throws IOException {
        Path jar = Files.writeString(tmp.resolve("broken.jar"), "not a zip");

        assertThatThrownBy(() -> JarModes.normalize(jar)).isInstanceOf(IOException.class).hasMessageContaining("broken.jar");

        assertThat(Files.readString(jar)).isEqualTo("not a zip");
        assertThat(tmp.resolve("broken.jar.modes")).doesNotExist();
    }

    @Test
    void onlyPermissionBitsChange() {
        assertThat(JarModes.stableMode(0100600, false)).isEqualTo(0100644);
        assertThat(JarModes.stableMode(0100700, false)).isEqualTo(0100755);
        assertThat(JarModes.stableMode(040700, true)).isEqualTo(040755);
        assertThat(JarModes.stableMode(0120777, false)).isEqualTo(0120755);
    }

    private Path jar(String name, int dirMode, int fileMode, int scriptMode) throws IOException {
        Path jar = tmp.resolve(name);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(jar)) {
            add(out, "META-INF/", 040000 | dirMode, null);
            add(out, "META-INF/MANIFEST.MF", 0100000 | fileMode, "Manifest-Version: 1.0\n".repeat(50));
            add(out, "run.sh", 0100000 | scriptMode, "#!/bin/sh\n");
        }
        return jar;
    }

    private static void add(ZipArchiveOutputStream out, String name, int mode, String content) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(mode);
        entry.setLastModifiedTime(FileTime.fromMillis(1_700_000_000_000L));
        out.putArchiveEntry(entry);
        if (content != null) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        out.closeArchiveEntry();
    }

    private static List<String> modes(Path jar) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(jar).get()) {
            return Collections.list(zip.getEntriesInPhysicalOrder()).stream()
                    .map(e -> e.getName() + "=" + Integer.toOctalString(e.getUnixMode())).toList();
        }
    }
}
