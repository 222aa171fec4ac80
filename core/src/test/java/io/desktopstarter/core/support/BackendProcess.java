package io.desktopstarter.core.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The backend as a real child process, started the way a launcher does it. */
public final class BackendProcess implements AutoCloseable {
    private static final Pattern READY =
            Pattern.compile("\\{\"event\":\"ready\",\"port\":(\\d+),\"pid\":(\\d+),\"version\":\"([^\"]+)\"}");

    private final Process process;
    private final String token;
    private final CompletableFuture<String> firstLine = new CompletableFuture<>();
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final java.util.concurrent.CountDownLatch pumpsDone = new java.util.concurrent.CountDownLatch(2);
    private volatile boolean stderrClosed;

    private BackendProcess(Process process, String token) {
        this.process = process;
        this.token = token;
        Thread.ofVirtual().start(() -> pump(new BufferedReader(process.inputReader(StandardCharsets.UTF_8)), stdout, true));
        Thread.ofVirtual().start(() -> pump(new BufferedReader(process.errorReader(StandardCharsets.UTF_8)), stderr, false));
    }

    /** The parsed ready line. */
    public record Ready(int port, long pid, String version) {
    }

    /**
     * How the process is started beyond its environment: a umask ({@code null}: inherited), run
     * through {@code sh -c 'umask …; exec …'} so the JVM itself has it; and folders put before the
     * class path, e.g. one holding an extra {@code db/migration/V3__….sql} as an update would ship it.
     */
    public record Launch(String umask, List<Path> classPathFirst) {
        public static final Launch DEFAULT = new Launch(null, List.of());

        public Launch withUmask(String mask) {
            return new Launch(mask, classPathFirst);
        }

        public Launch withClassPathFirst(Path... entries) {
            return new Launch(umask, List.of(entries));
        }
    }

    public static BackendProcess start(Path appData, Map<String, String> env, String... args) throws IOException {
        return start(Launch.DEFAULT, appData, env, args);
    }

    public static BackendProcess start(Launch launch, Path appData, Map<String, String> env, String... args)
            throws IOException {
        String token = env.getOrDefault("DESKTOP_STARTER_TOKEN", TestBackend.newToken());
        List<String> classPath = new ArrayList<>(launch.classPathFirst().stream().map(Path::toString).toList());
        classPath.add(System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        if (launch.umask() != null) {
            command.addAll(List.of("sh", "-c", "umask " + launch.umask() + " && exec \"$0\" \"$@\""));
        }
        command.addAll(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", String.join(java.io.File.pathSeparator, classPath),
                "io.desktopstarter.core.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("DESKTOP_STARTER_"));
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("DESKTOP_STARTER_TOKEN", token);
        all.putIfAbsent("DESKTOP_STARTER_APP_DATA_DIR", appData.toString());
        all.forEach((k, v) -> {
            if (v == null) {
                environment.remove(k);
            } else {
                environment.put(k, v);
            }
        });
        return new BackendProcess(builder.start(), all.get("DESKTOP_STARTER_TOKEN"));
    }

    public Ready awaitReady(Duration timeout) throws Exception {
        String line = firstLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Matcher m = READY.matcher(line == null ? "" : line);
        if (!m.matches()) {
            throw new AssertionError("first stdout line is not a ready line: " + line + "\nstderr:\n" + stderr);
        }
        return new Ready(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), m.group(3));
    }

    public TestClient client(Ready ready) {
        return new TestClient(ready.port(), token);
    }

    public String token() {
        return token;
    }

    public Process process() {
        return process;
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("backend still running after " + timeout + "\nstderr:\n" + stderr);
        }
        // Output is read on other threads; wait until they saw end-of-stream so callers get all of it.
        pumpsDone.await(5, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /**
     * Waits until stderr (console log and messages) holds {@code needle}: the way to wait for an
     * event inside the backend, e.g. a migration that has begun. Fails on timeout or if the process ends first.
     */
    public void awaitStderr(String needle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stderr) {
            while (stderr.indexOf(needle) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || stderrClosed) {
                    throw new AssertionError("stderr has no '" + needle + "' after " + timeout
                            + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + ":\n" + stderr);
                }
                stderr.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** SIGKILL (on Windows: TerminateProcess), as a crash or a power cut would end it; returns the exit code. */
    public int kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        return awaitExit(Duration.ofSeconds(15));
    }

    public String stdout() {
        return stdout.toString();
    }

    public String stderr() {
        return stderr.toString();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pump(BufferedReader reader, StringBuffer sink, boolean isStdout) {
        try (reader) {
            String line;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                if (isStdout && first) {
                    firstLine.complete(line);
                }
                first = false;
                synchronized (sink) {
                    sink.append(line).append('\n');
                    sink.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // The process went away; what was read is kept.
        } finally {
            if (isStdout) {
                firstLine.complete(null);
            }
            pumpsDone.countDown();
            synchronized (sink) {
                stderrClosed |= !isStdout;
                sink.notifyAll();
            }
        }
    }
}
