package io.desktopstarter.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Child processes of the tests: output to a log file (builds are long and loud) or collected. */
final class Processes {
    record Result(int exit, String output, Duration took) {
    }

    private Processes() {
    }

    /**
     * Runs {@code command} in {@code dir} with exactly {@code env} (nothing inherited: a user's session, not the test's),
     * stdout and stderr together into {@code log}.
     */
    static Result run(Path dir, Map<String, String> env, Path log, Duration timeout, List<String> command)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout + "; its output: " + log
                    + "\n" + tail(log, 60));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), took);
    }

    /** The last {@code lines} lines of a log, for a failure message. */
    static String tail(Path log, int lines) throws IOException {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
