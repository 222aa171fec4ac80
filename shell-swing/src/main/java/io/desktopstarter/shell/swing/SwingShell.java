package io.desktopstarter.shell.swing;

import io.desktopstarter.contract.TerminationSignals;
import io.desktopstarter.shell.common.ExternalOpener;
import io.desktopstarter.shell.common.ShellContext;
import io.desktopstarter.shell.common.ShellLifecycle;
import io.desktopstarter.shell.common.ShellToolkit;
import io.desktopstarter.shell.common.ShellUpdates;
import io.desktopstarter.shell.common.UpdatePrompts;
import io.desktopstarter.shell.common.diagnostics.SaveDiagnostics;
import io.desktopstarter.shell.swing.chromium.BrowserView;
import io.desktopstarter.shell.swing.chromium.ChromiumException;
import io.desktopstarter.shell.swing.chromium.ChromiumRuntime;
import io.desktopstarter.staging.launch.BackendSession;
import io.desktopstarter.staging.launch.LaunchException;
import java.awt.Image;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/**
 * The Swing shell: splash while the backend and Chromium start side by side, then the main window
 * with the browser on the start page; start-up, failures and the smoke line follow
 * {@link ShellLifecycle}; a clean stop of backend and Chromium (helper processes included) on every
 * quit path.
 */
final class SwingShell implements ShellToolkit, ShellLifecycle.Ui {
    static final String APP_NAME = "Desktop Java Starter";
    static final String SHELL = "swing";

    private final CountDownLatch finished = new CountDownLatch(1);
    private final ExternalOpener opener = new DesktopOpener();
    private volatile ShellContext context;
    private volatile ShellLifecycle lifecycle;
    private volatile ChromiumRuntime chromium;
    private volatile MainWindow window;
    private volatile BrowserView view;
    private SplashWindow splash;
    private Image icon;
    private UpdatePrompts updates;

    @Override
    public int run(ShellContext c) {
        context = Objects.requireNonNull(c);
        lifecycle = new ShellLifecycle(c, this);
        CompletableFuture<ChromiumRuntime> browser = new CompletableFuture<>();
        onUi(() -> {
            Dialogs.enterPressesTheFocusedButton();
            icon = icon();
            splash = new SplashWindow(icon);
            splash.status(c.backend().status());
            splash.show();
            lifecycle.splashShown();
            // Chromium starts while the backend does; the first start also unpacks it (with progress).
            Thread.ofPlatform().name("chromium-start").start(() -> {
                try {
                    browser.complete(ChromiumRuntime.start(c.appData(), fraction -> onUi(() -> {
                        splash.status("Preparing the browser (first start only)…");
                        splash.progress(fraction);
                    })));
                } catch (ChromiumException | RuntimeException e) {
                    browser.completeExceptionally(e);
                }
            });
            browser.thenCombine(c.backend().session(), Ready::new).whenComplete((ready, failure) ->
                    lifecycle.afterSplashMinimum(failure == null ? () -> showMain(ready) : () -> startFailed(failure)));
        });
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lifecycle.exitCode();
    }

    private record Ready(ChromiumRuntime chromium, BackendSession session) {
    }

    @Override
    public void handOff(List<String> args) {
        onUi(() -> {
            if (window != null) {
                window.focus();
            }
        });
    }

    @Override
    public void terminateRequested() {
        quit();
    }

    private void showMain(Ready ready) {
        chromium = ready.chromium();
        ExternalOpener recorded = context.automation().events().recording(opener);
        window = new MainWindow(icon, recorded, context.appData(), new MainWindow.MenuActions(this::quit, this::about,
                () -> updates().check(false), () -> updates().installFromKit(), this::saveDiagnostics));
        view = new BrowserView(chromium, ready.session(), context.args().startPage(), recorded,
                context.automation().events(), context.automation().enabled(), new BrowserView.Listener() {
            @Override
            public void pageLoaded(String url) {
                onUi(() -> {
                    if (!lifecycle.firstPageShown()) {
                        // Chromium's browser process takes over TERM and INT while it starts (its handler ends
                        // the process without saving or stopping in order); by the first page it is done.
                        TerminationSignals.onTerminate(SwingShell.this::terminateRequested);
                        // The driver from the first page on: before it, the browser may not exist yet.
                        if (context.automation().enabled()) {
                            context.automation().attach(ready.session().origin(), new SwingAutomation(window, view));
                        }
                    }
                    lifecycle.pageLoaded();
                });
            }

            @Override
            public void loadFailed(String url, String error) {
                onUi(() -> lifecycle.pageFailed(url, error));
            }

            @Override
            public void quitShortcut() {
                quit();
            }
        });
        window.show(view.component());
    }

    private void startFailed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof LaunchException backend) {
            lifecycle.backendFailedToStart(backend);
        } else {
            lifecycle.setupFailed("The app's browser could not start", cause.getMessage());
        }
    }

    @Override
    public void onUi(Runnable action) {
        SwingUtilities.invokeLater(action);
    }

    @Override
    public void splashStatus(String line) {
        if (splash != null) {
            splash.status(line);
        }
    }

    @Override
    public void closeSplash() {
        if (splash != null) {
            splash.close();
        }
    }

    @Override
    public void error(String header, String reason, List<String> logLines) {
        Dialogs.error(window == null ? null : window.frame(), header, reason, logLines);
    }

    /** Created on first use, so a shell that never checks pays nothing at start-up. */
    @Override
    public UpdatePrompts updates() {
        if (updates == null) {
            updates = ShellUpdates.prompts(context, SwingShell.class, new SwingPromptView(window.frame()), this::quit);
        }
        return updates;
    }

    private void about() {
        Dialogs.about(window.frame(), lifecycle.aboutLines(SwingShell.class, shellLine()));
    }

    private String shellLine() {
        return "Swing + JCEF, Chromium " + chromium.version();
    }

    /** Help > Save Diagnostics…: the About lines plus JCEF's, CEF's and Chromium's exact versions. */
    private void saveDiagnostics() {
        SaveDiagnostics.forShell(context, () -> {
            List<String> versions = new ArrayList<>(lifecycle.aboutLines(SwingShell.class, shellLine()));
            versions.add("Browser engine: " + chromium.versions());
            return versions;
        }, new SwingPromptView(window.frame())).run();
    }

    /**
     * Every way out ends here: window close, menu, shortcut, signals, failures. The backend stops,
     * then the browser closes and Chromium shuts down (its helper processes with it), then the
     * window goes and {@link #run} returns.
     */
    @Override
    public void quit() {
        if (!lifecycle.beginQuit()) {
            return;
        }
        onUi(() -> {
            if (window != null) {
                window.saveGeometry();
            }
            closeSplash();
            Thread.ofPlatform().name("shell-stop").start(this::stopEverything);
        });
    }

    private void stopEverything() {
        context.backend().stop();
        try {
            BrowserView v = view;
            if (v != null) {
                try {
                    CompletableFuture.supplyAsync(v::close, SwingUtilities::invokeLater).thenCompose(closed -> closed)
                            .get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    System.err.println("desktop-java-starter: the browser did not close within 10 s");
                }
            }
            ChromiumRuntime runtime = chromium;
            if (runtime != null && !runtime.shutdown(10)) {
                System.err.println("desktop-java-starter: Chromium did not shut down within 10 s");
            }
            SwingUtilities.invokeAndWait(() -> {
                if (window != null) {
                    window.close();
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            System.err.println("desktop-java-starter: while closing the window: " + e.getCause());
        } finally {
            finished.countDown();
        }
    }

    private static Image icon() {
        try (InputStream in = Objects.requireNonNull(SwingShell.class.getResourceAsStream("icon-256.png"), "icon-256.png")) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("the shell's icon is missing from its jar", e);
        }
    }
}
