package io.desktopstarter.shell.common.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real processes competing for one app-data directory. */
class SingleInstanceIT {
    @TempDir
    Path appData;

    @Test
    void secondLaunchHandsItsArgumentsToTheFirstAndExitsZero() throws Exception {
        Process primary = probe("--open", "first");
        try {
            BufferedReader primaryOut = primary.inputReader(StandardCharsets.UTF_8);
            assertThat(primaryOut.readLine()).isEqualTo("primary");

            Process second = probe("--open", "/tmp/file with spaces.txt", "");
            assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).isZero();
            assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo("handed-off");
            assertThat(primaryOut.readLine()).isEqualTo("focus-requested --open|/tmp/file with spaces.txt|");
        } finally {
            primary.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void crashedPrimaryLeavesNoStaleLock() throws Exception {
        Process first = probe();
        assertThat(first.inputReader(StandardCharsets.UTF_8).readLine()).isEqualTo("primary");
        first.destroyForcibly().waitFor(5, TimeUnit.SECONDS);

        Process next = probe();
        try {
            assertThat(next.inputReader(StandardCharsets.UTF_8).readLine()).isEqualTo("primary");
        } finally {
            next.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLaunchDuringAnUpdateSaysSoAndTheNextOneAfterItStarts() throws Exception {
        java.io.Closeable update = SingleInstance.lockIfNotRunning(appData).orElseThrow();
        try {
            Process during = probe();
            assertThat(during.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(during.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("refused: an update of the app is being installed (--update); start the app again when it has finished");
            assertThat(during.exitValue()).isNotZero();
        } finally {
            update.close();
        }
        Process after = probe();
        try {
            assertThat(after.inputReader(StandardCharsets.UTF_8).readLine()).isEqualTo("primary");
        } finally {
            after.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void createsTheAppDataFolderPrivateUnderUmask022() throws Exception {
        assumeTrue(appData.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only (Windows: %APPDATA% carries the per-user ACL)");
        Path fresh = appData.resolve("share").resolve("desktop-java-starter");
        Path existing = Files.createDirectories(appData.resolve("old"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        for (Path dir : List.of(fresh, existing)) {
            Process primary = probeIn(dir, List.of("sh", "-c", "umask 022; exec \"$0\" \"$@\""));
            try {
                assertThat(primary.inputReader(StandardCharsets.UTF_8).readLine()).isEqualTo("primary");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).as(dir.toString())
                        .isEqualTo("rwx------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SingleInstance.LOCK_FILE))))
                        .isEqualTo("rw-------");
            } finally {
                primary.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private Process probe(String... args) throws Exception {
        return probeIn(appData, List.of(), args);
    }

    private Process probeIn(Path dir, List<String> wrapper, String... args) throws Exception {
        var command = new java.util.ArrayList<>(wrapper);
        command.addAll(List.of(
                ProcessHandle.current().info().command().orElseThrow(), "-cp", System.getProperty("java.class.path"),
                InstanceProbe.class.getName(), dir.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
