package io.desktopstarter.foundation.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path tmp;

    @Test
    void bytesAndFilesGiveTheStandardDigest() throws Exception {
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
        assertThat(Sha256.hex(Files.writeString(tmp.resolve("abc"), "abc"))).isEqualTo(ABC);
        assertThat(Sha256.hex(Files.write(tmp.resolve("empty"), new byte[0]))).isEqualTo(EMPTY);
    }

    @Test
    void treeListsEveryRegularFileButTheExcludedOneBySlashName() throws Exception {
        Files.writeString(Files.createDirectories(tmp.resolve("app")).resolve("a.jar"), "abc");
        Files.writeString(tmp.resolve("runtime-manifest.json"), "{}");
        Files.write(tmp.resolve("empty"), new byte[0]);

        assertThat(Sha256.tree(tmp, "runtime-manifest.json")).containsExactly(
                java.util.Map.entry("app/a.jar", ABC), java.util.Map.entry("empty", EMPTY));
    }
}
