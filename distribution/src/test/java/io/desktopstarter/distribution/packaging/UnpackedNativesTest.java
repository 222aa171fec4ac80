package io.desktopstarter.distribution.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.contract.ShellPackaging;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedNativesTest {
    static final ShellPackaging.Natives NATIVES = new ShellPackaging.Natives("demo-natives-*.jar", "*.tar.gz", "meta.json",
            "install.lock", "demo", "demo.natives.dir");

    @TempDir
    Path tmp;

    @Test
    void theJarLeavesTheClassPathAndItsArchiveIsUnpackedWithTheMarker() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(lib.resolve("other.jar"), "not touched");
        natives(lib.resolve("demo-natives-linux-1.0.jar"), Map.of("meta.json", "{}", "libdemo.so", "ELF"));

        AppContent content = UnpackedNatives.unpack(NATIVES, lib, tmp.resolve("content"));

        assertThat(content).isEqualTo(new AppContent(tmp.resolve("content/demo"), "demo.natives.dir"));
        assertThat(content.dir().resolve("libdemo.so")).hasContent("ELF");
        assertThat(content.dir().resolve("install.lock")).isEmptyFile();
        assertThat(lib.resolve("demo-natives-linux-1.0.jar")).doesNotExist();
        assertThat(lib.resolve("other.jar")).exists();
    }

    @Test
    void aMissingJarOrRequiredFileFailsTheBuild() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        assertThatThrownBy(() -> UnpackedNatives.unpack(NATIVES, lib, tmp.resolve("content")))
                .hasMessageContaining("demo-natives-*.jar").hasMessageContaining("none");

        natives(lib.resolve("demo-natives-linux-1.0.jar"), Map.of("libdemo.so", "ELF"));
        assertThatThrownBy(() -> UnpackedNatives.unpack(NATIVES, lib, tmp.resolve("content"))).hasMessageContaining("no meta.json");
    }

    /** A natives jar as jcefmaven makes them: one .tar.gz inside a jar. */
    private static void natives(Path jar, Map<String, String> files) throws Exception {
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(tgz))) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(bytes.length);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("demo-natives-linux-1.0.tar.gz"));
            zip.write(tgz.toByteArray());
            zip.closeEntry();
        }
    }
}
