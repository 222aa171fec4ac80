package io.desktopstarter.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.Platform;
import io.desktopstarter.testsupport.Required;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test: a disk that fills up, or turns read-only, on demand. Linux
 * only (elsewhere the test is skipped), and root or CAP_SYS_ADMIN: when the mount fails, the test is
 * skipped with the reason, or fails when {@code CI=true} ({@link Required}).
 */
public final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs with {@code options} (e.g. {@code size=4m}, {@code ro,size=1m}) on {@code dir}, created if missing. */
    public static Tmpfs mount(Path dir, String options) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Platform.Os.current() == Platform.Os.LINUX, "tmpfs mounts exist on Linux only");
        Files.createDirectories(dir);
        String failure = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
        Required.that(failure == null, "cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): " + failure);
        return new Tmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Changes the mount in place, e.g. {@code ro} or a larger {@code size=…} (which frees space). */
    public void remount(String options) throws IOException, InterruptedException {
        String failure = run("mount", "-o", "remount," + options, dir.toString());
        assertThat(failure).as("remount %s %s", options, dir).isNull();
    }

    /** Bytes a process may still write. */
    public long usableSpace() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String failure = run("umount", dir.toString());
        if (failure != null) {
            run("umount", "-l", dir.toString()); // a process still holding a file: detach now, free later
        }
    }

    /** Runs a command; null when it succeeded, else its output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        return p.exitValue() == 0 ? null : String.join(" ", command) + ": exit " + p.exitValue() + " " + output.strip();
    }
}
