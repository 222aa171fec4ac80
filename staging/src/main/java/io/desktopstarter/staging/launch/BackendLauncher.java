package io.desktopstarter.staging.launch;

import io.desktopstarter.contract.LaunchEnvironment;
import io.desktopstarter.contract.ReadyLine;
import io.desktopstarter.contract.SessionToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Starts, supervises and stops the backend for a shell: server first, worker after the server is
 * healthy; on stop the worker first, then the server, gracefully before forcefully. One launcher
 * runs one backend once.
 */
public final class BackendLauncher implements AutoCloseable {
    private final BackendSource source;
    private final LaunchOptions options;
    private final Consumer<LauncherEvent> listener;
    private final LogTail tail;
    private final Optional<AotCache> aotCache;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean exitEventsSuppressed;
    private volatile boolean recordingAotCache;
    private volatile Process server;
    private volatile Process worker;
    private volatile BackendSession session;

    public BackendLauncher(BackendSource source, LaunchOptions options, Consumer<LauncherEvent> listener) {
        this.source = source;
        this.options = options;
        this.listener = listener;
        this.tail = new LogTail(options.logTailLines());
        this.aotCache = AotCache.of(source, options.appDataDir());
    }

    /** Blocks until the backend is healthy and the worker started, or throws with the reason. */
    public BackendSession start() throws LaunchException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a BackendLauncher starts its backend once");
        }
        listener.accept(new LauncherEvent.Starting(source.describe()));
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        String token = SessionToken.generate();
        try {
            List<String> serverCommand = aotCache.map(cache -> cache.server(source.serverCommand()))
                    .orElseGet(source::serverCommand);
            recordingAotCache = AotCache.records(serverCommand);
            server = spawn(serverCommand, token, "server");
            int port = awaitReadyLine(server, deadline);
            awaitHealthy(port, token, deadline);
            List<String> workerCommand = source.workerCommand();
            worker = spawn(aotCache.map(cache -> cache.worker(workerCommand)).orElse(workerCommand), token, "worker");
            session = new BackendSession(port, token, server.pid(), OptionalLong.of(worker.pid()));
        } catch (LaunchException e) {
            killNow();
            listener.accept(new LauncherEvent.Failed(e.getMessage(), e.lastLogLines()));
            throw e;
        }
        watch(server, LauncherEvent.Role.SERVER);
        watch(worker, LauncherEvent.Role.WORKER);
        listener.accept(new LauncherEvent.Ready(session));
        return session;
    }

    /** While an update replaces the app, its backend may go away without that being an error (ExitSuppressed, not ExitedUnexpectedly). */
    public void suppressExitEvents(boolean suppressed) {
        exitEventsSuppressed = suppressed;
    }

    public List<String> lastLogLines() {
        return tail.snapshot();
    }

    /**
     * Stops the worker (SIGTERM, then forced after the grace period), then the server
     * ({@code POST /desktop/shutdown}, then SIGTERM, then forced). Idempotent: a second caller
     * (e.g. a shutdown hook while the window's quit is stopping) waits for the first to finish.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            try {
                stopped.await(options.stopGrace().multipliedBy(2).plusSeconds(3).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            stopProcesses();
        } finally {
            stopped.countDown();
        }
        listener.accept(new LauncherEvent.Stopped());
    }

    private void stopProcesses() {
        Duration grace = options.stopGrace();
        Process w = worker;
        if (w != null) {
            w.toHandle().destroy();
            endTree(w, grace);
        }
        Process s = server;
        if (s != null) {
            BackendSession current = session;
            if (current != null && s.isAlive()) {
                requestShutdown(current);
            }
            // A server recording its AOT cache assembles it while it exits (~2 s here): it gets longer before SIGTERM.
            if (!waitFor(s, recordingAotCache ? grace.multipliedBy(3) : grace)) {
                s.toHandle().destroy();
            }
            endTree(s, Duration.ofSeconds(1));
            aotCache.ifPresent(cache -> cache.keepRecording(s.isAlive() ? -1 : s.exitValue()));
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Process spawn(List<String> command, String token, String role) throws LaunchException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(source.workingDirectory().toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith(LaunchEnvironment.PREFIX));
        env.putAll(options.extraEnv());
        env.put(LaunchEnvironment.TOKEN, token);
        env.put(LaunchEnvironment.MODE, source.mode());
        env.put(LaunchEnvironment.PARENT_PID, Long.toString(ProcessHandle.current().pid()));
        options.appDataDir().ifPresent(dir -> env.put(LaunchEnvironment.APP_DATA_DIR, dir.toString()));
        options.shellName().ifPresent(name -> env.put(LaunchEnvironment.SHELL, name));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LaunchException("Cannot start the backend " + role + " (" + command.getFirst() + "): "
                    + e.getMessage(), tail.snapshot());
        }
        tail.pump("backend-" + role + "-stderr", process.errorReader(StandardCharsets.UTF_8), line -> { });
        if (!role.equals("server")) {
            tail.pump("backend-" + role + "-stdout", process.inputReader(StandardCharsets.UTF_8), line -> { });
        }
        return process;
    }

    /** Reads stdout until the ready line; other lines (e.g. JVM warnings) go to the log tail. */
    private int awaitReadyLine(Process process, long deadline) throws LaunchException {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        BufferedReader stdout = process.inputReader(StandardCharsets.UTF_8);
        tail.pump("backend-server-stdout", stdout, line -> {
            if (port.isDone()) {
                return;
            }
            Optional<ReadyLine.Ready> ready = ReadyLine.parse(line);
            if (ready.isPresent()) {
                port.complete(ready.get().port());
            } else if (ReadyLine.announcesReady(line)) {
                port.completeExceptionally(new IllegalStateException("not a valid ready line: " + line));
            }
        });
        process.onExit().thenRun(() -> port.completeExceptionally(new IllegalStateException("exited")));
        try {
            return port.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new LaunchException("The backend did not report ready within "
                    + options.startTimeout().toSeconds() + " s", tail.snapshot());
        } catch (ExecutionException e) {
            if (!process.isAlive()) {
                waitFor(process, Duration.ofMillis(200));
                throw new LaunchException("The backend exited with code " + process.exitValue()
                        + " before it was ready", tail.snapshot());
            }
            throw new LaunchException("The backend sent a broken ready line: " + e.getCause().getMessage(), tail.snapshot());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while waiting for the backend", tail.snapshot());
        }
    }

    private void awaitHealthy(int port, String token, long deadline) throws LaunchException {
        URI health = URI.create("http://127.0.0.1:" + port + source.healthPath());
        String lastProblem = "no answer";
        while (true) {
            if (!server.isAlive()) {
                throw new LaunchException("The backend exited with code " + server.exitValue()
                        + " before it was healthy", tail.snapshot());
            }
            int status = probe(health, token);
            if (status == 200) {
                return;
            }
            lastProblem = status < 0 ? "no answer" : "HTTP " + status;
            if (remaining(deadline) <= options.healthInterval().toNanos()) {
                throw new LaunchException("The backend did not become healthy within "
                        + options.startTimeout().toSeconds() + " s (last health check: " + lastProblem + ")",
                        tail.snapshot());
            }
            try {
                Thread.sleep(options.healthInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("Interrupted while waiting for the backend", tail.snapshot());
            }
        }
    }

    private int probe(URI uri, String token) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            int timeout = (int) options.healthRequestTimeout().toMillis();
            c.setConnectTimeout(timeout);
            c.setReadTimeout(timeout);
            c.setRequestProperty("X-Desktop-Token", token);
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    private void requestShutdown(BackendSession current) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(current.origin() + "/desktop/shutdown").toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            c.setRequestMethod("POST");
            c.setRequestProperty("X-Desktop-Token", current.token());
            c.setDoOutput(true);
            c.getOutputStream().close();
            c.getResponseCode();
        } catch (IOException e) {
            // The server may already be gone; the signals below still end it.
        }
    }

    private void watch(Process process, LauncherEvent.Role role) {
        process.onExit().thenAccept(p -> {
            if (stopping.get()) {
                return;
            }
            if (exitEventsSuppressed) {
                listener.accept(new LauncherEvent.ExitSuppressed(role, p.exitValue()));
            } else {
                waitFor(p, Duration.ofMillis(100));
                listener.accept(new LauncherEvent.ExitedUnexpectedly(role, p.exitValue(), tail.snapshot()));
            }
        });
    }

    /** Failure path: nothing to drain, end everything at once. */
    private void killNow() {
        for (Process p : new Process[] {worker, server}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                waitFor(p, Duration.ofSeconds(5));
            }
        }
    }

    /** Waits for {@code process}, then force-ends it and every descendant it left (snapshot taken first). */
    private static void endTree(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (!waitFor(process, grace)) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(5));
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
