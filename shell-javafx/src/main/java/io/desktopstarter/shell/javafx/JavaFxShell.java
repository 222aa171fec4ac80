package io.desktopstarter.shell.javafx;

import io.desktopstarter.staging.launch.BackendLauncher;
import io.desktopstarter.staging.launch.BackendSession;
import io.desktopstarter.staging.launch.BackendSource;
import io.desktopstarter.staging.launch.LaunchException;
import io.desktopstarter.staging.launch.LaunchOptions;
import io.desktopstarter.staging.launch.LauncherEvent;
import io.desktopstarter.updater.flow.FeedSource;
import io.desktopstarter.updater.flow.UpdateService;
import io.desktopstarter.updater.flow.UpdaterSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application: splash while the launcher starts the backend, then the main window on
 * the bootstrap URL; error dialogs for a backend that fails or dies; a clean stop on every quit path.
 */
public final class JavaFxShell extends Application {
    static final String APP_NAME = "Desktop Java Starter";
    static final String SHELL = "javafx";

    /** What {@link ShellMain} decided before JavaFX started. */
    record Config(ShellArgs args, BackendSource source, Path appData, Instant processStart) {
    }

    private static volatile Config config;
    private static volatile JavaFxShell running;
    private static volatile int exitCode;
    private static volatile BackendLauncher launcher;
    private static final CompletableFuture<BackendSession> SESSION = new CompletableFuture<>();
    private static volatile long healthyMs;
    private static volatile String status = "Starting the app…";

    private final AtomicBoolean quitting = new AtomicBoolean();
    private SplashWindow splash;
    private MainWindow window;
    private Image icon;
    private ExternalOpener opener;
    private long splashMs;
    private UpdatePrompts updates;

    static void configure(Config c) {
        config = Objects.requireNonNull(c);
    }

    static int exitCode() {
        return exitCode;
    }

    /** SIGTERM/SIGINT: the same clean quit as the menu, exit 0 (the JVM's default would be 143). */
    static void terminateRequested() {
        JavaFxShell shell = running;
        if (shell != null) {
            Platform.runLater(shell::quit);
        } else {
            Thread.ofPlatform().start(() -> {
                if (launcher != null) {
                    launcher.stop();
                }
                System.exit(exitCode);
            });
        }
    }

    /** Another launch handed us its arguments: bring the window forward. */
    static void handOff(List<String> args) {
        JavaFxShell shell = running;
        if (shell != null) {
            Platform.runLater(() -> {
                if (shell.window != null) {
                    shell.window.focus();
                }
            });
        }
    }

    /** Called by {@link ShellMain} before JavaFX starts; events reach the UI once it is up. */
    static void startBackend(Config c) {
        launcher = new BackendLauncher(c.source(),
                LaunchOptions.defaults().withAppDataDir(c.appData()).withShellName(SHELL),
                JavaFxShell::onLauncherEvent);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(launcher::stop));
        Thread.ofPlatform().name("backend-start").daemon().start(() -> {
            try {
                BackendSession session = launcher.start();
                healthyMs = Duration.between(c.processStart(), Instant.now()).toMillis();
                SESSION.complete(session);
            } catch (LaunchException e) {
                SESSION.completeExceptionally(e);
            }
        });
    }

    private static void onLauncherEvent(LauncherEvent event) {
        switch (event) {
            case LauncherEvent.Starting s -> status = "Starting the app…";
            case LauncherEvent.Ready r -> status = "Opening…";
            case LauncherEvent.Failed f -> status = "The app could not start.";
            case LauncherEvent.ExitedUnexpectedly e -> {
                JavaFxShell shell = running;
                if (shell != null) {
                    Platform.runLater(() -> shell.backendDied(e));
                }
            }
            case LauncherEvent.Stopped s -> { }
        }
        JavaFxShell shell = running;
        if (shell != null) {
            Platform.runLater(() -> shell.splash.status(status));
        }
    }

    @Override
    public void start(Stage primaryStage) {
        running = this;
        // Closing the last window must not end JavaFX before the backend has stopped; quit() exits.
        Platform.setImplicitExit(false);
        icon = new Image(Objects.requireNonNull(JavaFxShell.class.getResourceAsStream("icon-256.png")));
        opener = url -> getHostServices().showDocument(url);
        splash = new SplashWindow(icon);
        splash.status(status);
        splash.show();
        splashMs = sinceStart();
        Instant splashShown = Instant.now();
        Config c = config;
        // Let the splash paint, then build the window (WebKit initialises) while the backend starts.
        Platform.runLater(() -> {
            window = new MainWindow(primaryStage, icon, opener, c.appData(), new MainWindow.MenuActions(this::quit,
                    this::about, () -> updates().check(false), () -> updates().installFromKit()));
            SESSION.whenComplete((session, failure) -> {
                Duration left = c.args().splashMin().minus(Duration.between(splashShown, Instant.now()));
                Runnable next = failure == null
                        ? () -> showMain(session)
                        : () -> startFailed(failure.getMessage(), failure instanceof LaunchException e
                                ? e.lastLogLines() : List.of());
                if (left.isNegative() || left.isZero()) {
                    Platform.runLater(next);
                } else {
                    CompletableFuture.delayedExecutor(left.toMillis(), TimeUnit.MILLISECONDS)
                            .execute(() -> Platform.runLater(next));
                }
            });
        });
    }

    private void showMain(BackendSession session) {
        Config c = config;
        AtomicBoolean firstPage = new AtomicBoolean();
        window.open(session, c.args().startPage(), location -> {
            if (firstPage.compareAndSet(false, true)) {
                splash.close();
                if (!c.args().smoke() && System.getenv(FeedSource.ENVIRONMENT) != null) {
                    // The start-up check runs after the first page and stays silent unless there is an update.
                    CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS).execute(() -> Platform.runLater(() ->
                            updates().check(true)));
                }
                if (c.args().smoke()) {
                    long firstPageMs = sinceStart();
                    CompletableFuture.delayedExecutor(c.args().smokeIdle().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                        System.out.println(smokeLine(session, firstPageMs));
                        System.out.flush();
                        Platform.runLater(this::quit);
                    });
                }
            }
        }, location -> {
            boolean serverAlive = ProcessHandle.of(session.serverPid()).map(ProcessHandle::isAlive).orElse(false);
            if (!serverAlive) {
                return; // the launcher reports the crash (exit 4); that is the cause, not the page
            }
            if (!firstPage.get() && c.args().smoke()) {
                System.err.println("desktop-java-starter: the first page failed to load: " + location);
                exitCode = 5;
                quit();
            }
        });
    }

    private String smokeLine(BackendSession session, long firstPageMs) {
        long shell = ProcessHandle.current().pid();
        long rss = session.workerPid().isPresent()
                ? ProcessMemory.rssKb(shell, session.serverPid(), session.workerPid().getAsLong())
                : ProcessMemory.rssKb(shell, session.serverPid());
        return "{\"event\":\"smoke\",\"shell\":\"" + SHELL + "\",\"splash_ms\":" + splashMs + ",\"healthy_ms\":"
                + healthyMs + ",\"first_page_ms\":" + firstPageMs + ",\"rss_kb\":" + rss + "}";
    }

    private void startFailed(String reason, List<String> logLines) {
        exitCode = 3;
        System.err.println("desktop-java-starter: the backend failed to start: " + reason);
        if (!config.args().smoke()) {
            splash.close();
            Dialogs.error(null, icon, "The app could not start", reason, logLines);
        }
        quit();
    }

    private void backendDied(LauncherEvent.ExitedUnexpectedly event) {
        if (quitting.get()) {
            return;
        }
        exitCode = 4;
        String reason = "The app's " + event.role().name().toLowerCase(java.util.Locale.ROOT) + " process stopped unexpectedly (exit code "
                + event.exitCode() + "). The window will close; start the app again to continue.";
        System.err.println("desktop-java-starter: " + reason);
        if (!config.args().smoke()) {
            Dialogs.error(window == null ? null : window.stage(), icon, "The app stopped", reason, event.lastLogLines());
        }
        quit();
    }

    /** Created on first use, so a shell that never checks pays nothing at start-up. */
    private UpdatePrompts updates() {
        if (updates == null) {
            Config c = config;
            String version = Objects.requireNonNullElse(JavaFxShell.class.getPackage().getImplementationVersion(), "0.0.0");
            UpdatePrompts[] prompts = new UpdatePrompts[1];
            UpdateService service = UpdaterSetup.create(SHELL, version, c.appData(), System.getenv(), systemProperties(),
                    state -> {
                        if (prompts[0] != null) {
                            prompts[0].onState(state);
                        }
                    });
            boolean windowsInstaller = List.of("msi", "exe").contains(System.getProperty(UpdaterSetup.FORMAT_PROPERTY, ""));
            prompts[0] = new UpdatePrompts(service, window.stage(), icon, () -> {
                if (windowsInstaller && launcher != null) {
                    launcher.stop();
                }
            }, this::quit);
            updates = prompts[0];
        }
        return updates;
    }

    private static java.util.Map<String, String> systemProperties() {
        java.util.Map<String, String> properties = new java.util.HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return properties;
    }

    private void about() {
        Config c = config;
        Dialogs.about(window.stage(), icon, List.of(
                "Shell: JavaFX " + System.getProperty("javafx.runtime.version", "?") + " WebView",
                "Runtime: " + System.getProperty("java.runtime.name", "Java") + " " + Runtime.version(),
                "Backend: " + c.source().describe(),
                "App data: " + c.appData()));
    }

    /** Every way out ends here: window close, menu, shortcut, failures. The backend stops before exit. */
    void quit() {
        if (!quitting.compareAndSet(false, true)) {
            return;
        }
        if (window != null) {
            window.saveGeometry();
            window.stage().hide();
        }
        splash.close();
        Thread.ofPlatform().name("backend-stop").start(() -> {
            if (launcher != null) {
                launcher.stop();
            }
            Platform.exit();
        });
    }

    private long sinceStart() {
        return Duration.between(config.processStart(), Instant.now()).toMillis();
    }
}
