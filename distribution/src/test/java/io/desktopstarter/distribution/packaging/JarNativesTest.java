package io.desktopstarter.distribution.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarNativesTest {
    @TempDir
    Path lib;

    @Test
    void rootLibrariesMoveBesideTheJarAndTheRestOfTheJarStays() throws Exception {
        Path web = jar("javafx-web-26.0.1-linux.jar", Map.of("libjfxwebkit.so", "webkit", "com/sun/webkit/WebPage.class", "class",
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));
        Path media = jar("javafx-media-26.0.1-linux.jar", Map.of("libjfxmedia.so", "media", "libavplugin-61.so", "ffmpeg"));
        Path plain = jar("commons-io-2.20.0.jar", Map.of("org/apache/commons/io/IOUtils.class", "class"));
        byte[] plainBefore = Files.readAllBytes(plain);

        List<Path> moved = JarNatives.unpack(lib);

        assertThat(moved).containsExactlyInAnyOrder(lib.resolve("libjfxwebkit.so"), lib.resolve("libjfxmedia.so"));
        assertThat(lib.resolve("libjfxwebkit.so")).hasContent("webkit");
        assertThat(entries(web)).containsExactly("META-INF/MANIFEST.MF", "com/sun/webkit/WebPage.class");
        assertThat(entries(media)).as("the ffmpeg plugins stay in the jar").containsExactly("libavplugin-61.so");
        assertThat(lib.resolve("libavplugin-61.so")).doesNotExist();
        assertThat(Files.readAllBytes(plain)).as("a jar without natives is not rewritten").isEqualTo(plainBefore);
        assertThat(lib).isDirectoryNotContaining("glob:**/*.natives");
    }

    @Test
    void aLibraryInTwoJarsIsAnErrorAndTheSecondJarIsKept() throws Exception {
        jar("a-1.jar", Map.of("libsame.so", "one"));
        Path second = jar("b-1.jar", Map.of("libsame.so", "two"));
        byte[] before = Files.readAllBytes(second);

        assertThatThrownBy(() -> JarNatives.unpack(lib)).hasMessageContaining("libsame.so is in two jars");
        assertThat(Files.readAllBytes(second)).isEqualTo(before);
    }

    private Path jar(String name, Map<String, String> content) throws Exception {
        Path jar = lib.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new TreeMap<>(content).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> entries(Path jar) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }
}
