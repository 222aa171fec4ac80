package io.desktopstarter.shell.common;

import io.desktopstarter.staging.launch.BackendLauncher;
import io.desktopstarter.staging.launch.BackendSession;
import io.desktopstarter.staging.launch.BackendSource;
import io.desktopstarter.staging.launch.LaunchException;
import io.desktopstarter.staging.launch.LaunchOptions;
import io.desktopstarter.staging.launch.LauncherEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The backend start, begun before the UI toolkit so the two overlap. Launcher events that arrive
 * before the UI listens are kept as {@link #status()}; the UI then follows {@link #listen}.
 */
public final class BackendStart {
    private final BackendLauncher launcher;
    private final CompletableFuture<BackendSession> session = new CompletableFuture<>();
    private volatile long healthyMs;
    private volatile String status = "Starting the app…";
    private volatile Consumer<LauncherEvent> listener = event -> { };

    private BackendStart(BackendSource source, Path appData, String shell) {
        launcher = new BackendLauncher(source, LaunchOptions.defaults().withAppDataDir(appData).withShellName(shell),
                this::onEvent);
    }

    /** Starts the backend on a background thread; a shutdown hook stops it whatever ends the JVM. */
    public static BackendStart begin(BackendSource source, Path appData, String shell, Instant processStart) {
        BackendStart start = new BackendStart(source, appData, shell);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(start.launcher::stop));
        Thread.ofPlatform().name("backend-start").daemon().start(() -> {
            try {
                BackendSession s = start.launcher.start();
                start.healthyMs = Duration.between(processStart, Instant.now()).toMillis();
                start.session.complete(s);
            } catch (LaunchException e) {
                start.session.completeExceptionally(e);
            }
        });
        return start;
    }

    /** Completes with the running backend, or with the {@link LaunchException} that stopped it. */
    public CompletableFuture<BackendSession> session() {
        return session;
    }

    /** Process start to backend healthy, in ms (0 until then). */
    public long healthyMs() {
        return healthyMs;
    }

    /** The splash's line for the last launcher event. */
    public String status() {
        return status;
    }

    /** Receives every later launcher event (on the launcher's thread). */
    public void listen(Consumer<LauncherEvent> l) {
        listener = Objects.requireNonNull(l);
    }

    /** Stops server and worker (graceful first); safe to call more than once. */
    public void stop() {
        launcher.stop();
    }

    private void onEvent(LauncherEvent event) {
        switch (event) {
            case LauncherEvent.Starting s -> status = "Starting the app…";
            case LauncherEvent.Ready r -> status = "Opening…";
            case LauncherEvent.Failed f -> status = "The app could not start.";
            case LauncherEvent.ExitedUnexpectedly e -> { }
            case LauncherEvent.ExitSuppressed e -> { }
            case LauncherEvent.Stopped s -> { }
        }
        listener.accept(event);
    }
}
