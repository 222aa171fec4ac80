package io.desktopstarter.shell.javafx;

import io.desktopstarter.shell.common.ExitCode;
import io.desktopstarter.shell.common.ExternalOpener;
import io.desktopstarter.shell.common.ShellContext;
import io.desktopstarter.shell.common.ShellLifecycle;
import io.desktopstarter.shell.common.ShellToolkit;
import io.desktopstarter.shell.common.ShellUpdates;
import io.desktopstarter.shell.common.UpdatePrompts;
import io.desktopstarter.shell.common.diagnostics.SaveDiagnostics;
import io.desktopstarter.staging.launch.BackendSession;
import io.desktopstarter.staging.launch.LaunchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application: splash while the launcher starts the backend, then the main window on
 * the bootstrap URL; start-up, failures and the smoke line follow {@link ShellLifecycle}; a clean
 * stop on every quit path.
 */
public final class JavaFxShell extends Application implements ShellLifecycle.Ui {
    static final String APP_NAME = "Desktop Java Starter";
    static final String SHELL = "javafx";

    private static volatile ShellContext config;
    private static volatile JavaFxShell running;

    private ShellLifecycle lifecycle;
    private SplashWindow splash;
    private MainWindow window;
    private Image icon;
    private UpdatePrompts updates;

    /** Runs JavaFX on the main thread until quit. */
    static final class Toolkit implements ShellToolkit {
        @Override
        public int run(ShellContext context) {
            config = Objects.requireNonNull(context);
            Application.launch(JavaFxShell.class);
            JavaFxShell shell = running;
            return shell == null ? ExitCode.OK : shell.lifecycle.exitCode();
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
                    System.exit(ExitCode.OK);
                });
            }
        }
    }

    @Override
    public void start(Stage primaryStage) {
        ShellContext c = config;
        // Closing the last window must not end JavaFX before the backend has stopped; quit() exits.
        Platform.setImplicitExit(false);
        icon = new Image(Objects.requireNonNull(JavaFxShell.class.getResourceAsStream("icon-256.png")));
        ExternalOpener opener = c.automation().events().recording(url -> getHostServices().showDocument(url));
        splash = new SplashWindow(icon);
        splash.status(c.backend().status());
        lifecycle = new ShellLifecycle(c, this);
        running = this;
        splash.show();
        lifecycle.splashShown();
        // Let the splash paint, then build the window (WebKit initialises for ~2 s on the FX thread) while the backend
        // starts. A runLater is not enough: it runs before the next pulse renders, and the splash stayed unpainted
        // until WebKit was ready (seen from outside by the shell comparison's screen watch).
        afterFirstFrame(() -> {
            window = new MainWindow(primaryStage, icon, opener, c.automation().events(), c.appData(), new MainWindow.MenuActions(this::quit,
                    this::about, () -> updates().check(false), () -> updates().installFromKit(), this::saveDiagnostics));
            c.backend().session().whenComplete((session, failure) -> lifecycle.afterSplashMinimum(failure == null
                    ? () -> showMain(session)
                    : () -> lifecycle.backendFailedToStart((LaunchException) failure))); // BackendStart's only failure
        });
    }

    /** Runs {@code action} on the FX thread once a frame has been rendered (timers run at a pulse's start). */
    private static void afterFirstFrame(Runnable action) {
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    private void showMain(BackendSession session) {
        window.open(session, config.args().startPage(), location -> lifecycle.pageLoaded(),
                location -> lifecycle.pageFailed(location, "WebView load failed"));
        config.automation().attach(session.origin(), new FxAutomation(window));
    }

    @Override
    public void onUi(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void splashStatus(String line) {
        splash.status(line);
    }

    @Override
    public void closeSplash() {
        splash.close();
    }

    @Override
    public void error(String header, String reason, List<String> logLines) {
        Dialogs.error(window == null ? null : window.stage(), icon, header, reason, logLines);
    }

    /** Created on first use, so a shell that never checks pays nothing at start-up. */
    @Override
    public UpdatePrompts updates() {
        if (updates == null) {
            updates = ShellUpdates.prompts(config, JavaFxShell.class, new FxPromptView(window.stage(), icon), this::quit);
        }
        return updates;
    }

    private void about() {
        Dialogs.about(window.stage(), icon, lifecycle.aboutLines(JavaFxShell.class, shellLine()));
    }

    private static String shellLine() {
        return "JavaFX " + System.getProperty("javafx.runtime.version", "?") + " WebView";
    }

    /** Help > Save Diagnostics…: the About lines plus the WebView's engine (its user agent names the WebKit build). */
    private void saveDiagnostics() {
        SaveDiagnostics.forShell(config, () -> {
            List<String> versions = new ArrayList<>(lifecycle.aboutLines(JavaFxShell.class, shellLine()));
            versions.add("Browser engine: " + window.engine().getUserAgent());
            return versions;
        }, new FxPromptView(window.stage(), icon)).run();
    }

    /** Every way out ends here: window close, menu, shortcut, failures. The backend stops before exit. */
    @Override
    public void quit() {
        if (!lifecycle.beginQuit()) {
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
}
