package io.desktopstarter.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(PrivateFiles.posix(dir), "POSIX permissions only");
    }

    @Test
    void foldersAreCreatedOwnerOnlyAndExistingOnesAreClosed() throws IOException {
        Path fresh = PrivateFiles.folder(dir.resolve("a/b/app"));
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        PrivateFiles.folder(open);

        assertThat(mode(fresh)).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("a"))).as("parents it created").isEqualTo("rwx------");
        assertThat(mode(open)).isEqualTo("rwx------");
    }

    @Test
    void filesAreCreatedEmptyAndOwnerOnlyAndExistingOnesKeepTheirContent() throws IOException {
        Path old = Files.writeString(dir.resolve("old.txt"), "kept");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-rw-r--"));

        Path fresh = PrivateFiles.file(dir.resolve("new.sqlite3"));
        PrivateFiles.file(old);

        assertThat(fresh).isEmptyFile();
        assertThat(mode(fresh)).isEqualTo("rw-------");
        assertThat(old).hasContent("kept");
        assertThat(mode(old)).isEqualTo("rw-------");
    }

    @Test
    void aFolderWhereAFileShouldBeIsAnErrorAndLeftAlone() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("app.sqlite3"));
        Path file = Files.writeString(dir.resolve("logs"), "a file");

        assertThatThrownBy(() -> PrivateFiles.file(folder)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> PrivateFiles.folder(file)).isInstanceOf(FileSystemException.class);
        assertThat(mode(folder)).isNotEqualTo("rw-------");
        assertThat(file).hasContent("a file");
    }

    @Test
    void tightenTakesGroupAndOtherAwayBelowTheRootAndFollowsNoLink() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = Files.createDirectories(dir.resolve("app"));
        Path logs = Files.createDirectories(root.resolve("logs"));
        Path log = Files.writeString(logs.resolve("backend.log"), "x");
        Path exe = Files.writeString(root.resolve("helper"), "#!/bin/sh\n");
        Path outside = Files.writeString(dir.resolve("outside.txt"), "x");
        Path link = Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createSymbolicLink(root.resolve("dir-link"), dir);
        for (Path p : new Path[] {root, logs}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(PrivateFiles.tighten(root, Integer.MAX_VALUE)).isEqualTo(4);

        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(mode(logs)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(mode(exe)).isEqualTo("rwx------");
        assertThat(mode(outside)).isEqualTo("rw-rw-rw-");
        assertThat(mode(dir)).as("the target of a link to a folder").isEqualTo("rwxr-xr-x");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(PrivateFiles.tighten(root, Integer.MAX_VALUE)).as("nothing left to change").isZero();
    }

    @Test
    void tightenWalksTheFolderARootLinkPointsTo() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path file = Files.writeString(real.resolve("app.sqlite3"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Path link = Files.createSymbolicLink(dir.resolve("app-data"), real);

        PrivateFiles.tighten(link, 1);
        PrivateFiles.folder(link);

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(real)).isEqualTo("rwx------");
    }

    @Test
    void tightenStopsAtTheDepthItIsGivenAfterClosingTheFoldersThere() throws IOException {
        Path root = Files.createDirectories(dir.resolve("app"));
        Path deep = Files.createDirectories(root.resolve("cache/jcef/locales"));
        Path shallow = Files.writeString(root.resolve("cache/list.txt"), "x");
        Path deeper = Files.writeString(deep.resolve("en.pak"), "x");
        for (Path p : new Path[] {root, root.resolve("cache"), root.resolve("cache/jcef"), deep}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path p : new Path[] {shallow, deeper}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }

        PrivateFiles.tighten(root, 2);

        assertThat(mode(root.resolve("cache"))).isEqualTo("rwx------");
        assertThat(mode(shallow)).isEqualTo("rw-------");
        assertThat(mode(root.resolve("cache/jcef"))).as("closed, not entered").isEqualTo("rwx------");
        assertThat(mode(deep)).isEqualTo("rwxr-xr-x");
        assertThat(mode(deeper)).isEqualTo("rw-r--r--");
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
