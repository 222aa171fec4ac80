package io.desktopstarter.shell.javafx;

import io.desktopstarter.shell.common.BackendStart;
import io.desktopstarter.shell.common.ExitCode;
import io.desktopstarter.shell.common.ExternalOpener;
import io.desktopstarter.shell.common.ProcessMemory;
import io.desktopstarter.shell.common.ShellContext;
import io.desktopstarter.shell.common.ShellToolkit;
import io.desktopstarter.shell.common.ShellUpdates;
import io.desktopstarter.shell.common.SmokeReport;
import io.desktopstarter.shell.common.UpdatePrompts;
import io.desktopstarter.staging.launch.BackendSession;
import io.desktopstarter.staging.launch.LaunchException;
import io.desktopstarter.staging.launch.LauncherEvent;
import io.desktopstarter.updater.flow.FeedSource;
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

    private static volatile ShellContext config;
    private static volatile JavaFxShell running;
    private static volatile int exitCode = ExitCode.OK;

    private final AtomicBoolean quitting = new AtomicBoolean();
    private SplashWindow splash;
    private MainWindow window;
    private Image icon;
    private ExternalOpener opener;
    private long splashMs;
    private UpdatePrompts updates;

    /** Runs JavaFX on the main thread until quit. */
    static final class Toolkit implements ShellToolkit {
        @Override
        public int run(ShellContext context) {
            config = Objects.requireNonNull(context);
            context.backend().listen(JavaFxShell::onLauncherEvent);
            Application.launch(JavaFxShell.class);
            return exitCode;
        }

        /** Another launch handed us its arguments: bring the window forward. */
        @Override
        public void handOff(List<String> args) {
            JavaFxShell shell = running;
            if (shell != null) {
                Platform.runLater(() -> {
                    if (shell.window != null) {
                        shell.window.focus();
                    }
                });
            }
        }

        /** SIGTERM/SIGINT: the same clean quit as the menu, exit 0 (the JVM's default would be 143). */
        @Override
        public void terminateRequested() {
            JavaFxShell shell = running;
            if (shell != null) {
                Platform.runLater(shell::quit);
            } else {
                Thread.ofPlatform().start(() -> {
                    config.backend().stop();
                    System.exit(exitCode);
                });
            }
        }
    }

    private static void onLauncherEvent(LauncherEvent event) {
        JavaFxShell shell = running;
        if (shell == null) {
            return; // the splash reads BackendStart.status() when it appears
        }
        if (event instanceof LauncherEvent.ExitedUnexpectedly e) {
            Platform.runLater(() -> shell.backendDied(e));
        }
        String status = config.backend().status();
        Platform.runLater(() -> shell.splash.status(status));
    }

    @Override
    public void start(Stage primaryStage) {
        running = this;
        // Closing the last window must not end JavaFX before the backend has stopped; quit() exits.
        Platform.setImplicitExit(false);
        icon = new Image(Objects.requireNonNull(JavaFxShell.class.getResourceAsStream("icon-256.png")));
        opener = url -> getHostServices().showDocument(url);
        splash = new SplashWindow(icon);
        splash.status(config.backend().status());
        splash.show();
        splashMs = sinceStart();
        Instant splashShown = Instant.now();
        ShellContext c = config;
        // Let the splash paint, then build the window (WebKit initialises) while the backend starts.
        Platform.runLater(() -> {
            window = new MainWindow(primaryStage, icon, opener, c.appData(), new MainWindow.MenuActions(this::quit,
                    this::about, () -> updates().check(false), () -> updates().installFromKit()));
            c.backend().session().whenComplete((session, failure) -> {
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
        ShellContext c = config;
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
                        System.out.println(new SmokeReport(SHELL, splashMs, c.backend().healthyMs(), firstPageMs,
                                ProcessMemory.treeRssKb()).json());
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
                exitCode = ExitCode.FIRST_PAGE_FAILED;
                quit();
            }
        });
    }

    private void startFailed(String reason, List<String> logLines) {
        exitCode = ExitCode.BACKEND_FAILED_TO_START;
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
        exitCode = ExitCode.BACKEND_CRASHED;
        String reason = BackendStart.crashReason(event);
        System.err.println("desktop-java-starter: " + reason);
        if (!config.args().smoke()) {
            Dialogs.error(window == null ? null : window.stage(), icon, "The app stopped", reason, event.lastLogLines());
        }
        quit();
    }

    /** Created on first use, so a shell that never checks pays nothing at start-up. */
    private UpdatePrompts updates() {
        if (updates == null) {
            updates = ShellUpdates.prompts(config, JavaFxShell.class, new FxPromptView(window.stage(), icon), this::quit);
        }
        return updates;
    }

    private void about() {
        ShellContext c = config;
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
            config.backend().stop();
            Platform.exit();
        });
    }

    private long sinceStart() {
        return config.sinceStart();
    }
}
