package io.desktopstarter.shell.swing;

import io.desktopstarter.shell.common.BackendStart;
import io.desktopstarter.shell.common.ExitCode;
import io.desktopstarter.shell.common.ExternalOpener;
import io.desktopstarter.shell.common.ProcessMemory;
import io.desktopstarter.shell.common.ShellBoot;
import io.desktopstarter.shell.common.ShellContext;
import io.desktopstarter.shell.common.ShellToolkit;
import io.desktopstarter.shell.common.ShellUpdates;
import io.desktopstarter.shell.common.SmokeReport;
import io.desktopstarter.shell.common.UpdatePrompts;
import io.desktopstarter.shell.swing.chromium.BrowserView;
import io.desktopstarter.shell.swing.chromium.ChromiumException;
import io.desktopstarter.shell.swing.chromium.ChromiumRuntime;
import io.desktopstarter.staging.launch.BackendSession;
import io.desktopstarter.staging.launch.LaunchException;
import io.desktopstarter.staging.launch.LauncherEvent;
import io.desktopstarter.updater.flow.FeedSource;
import java.awt.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/**
 * The Swing shell: splash while the backend and Chromium start side by side, then the main window
 * with the browser on the start page; error dialogs for a backend or browser that fails; a clean
 * stop of backend and Chromium (helper processes included) on every quit path.
 */
final class SwingShell implements ShellToolkit {
    static final String APP_NAME = "Desktop Java Starter";
    static final String SHELL = "swing";

    private final AtomicBoolean quitting = new AtomicBoolean();
    private final AtomicBoolean firstPage = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final ExternalOpener opener = new DesktopOpener();
    /** stdout is for the smoke line only; JCEF prints its own chatter to System.out, which goes to stderr. */
    private final PrintStream stdout = System.out;
    private volatile int exitCode = ExitCode.OK;
    private volatile ShellContext context;
    private volatile ChromiumRuntime chromium;
    private volatile MainWindow window;
    private volatile BrowserView view;
    private SplashWindow splash;
    private Image icon;
    private long splashMs;
    private UpdatePrompts updates;

    @Override
    public int run(ShellContext c) {
        context = Objects.requireNonNull(c);
        System.setOut(System.err);
        c.backend().listen(this::onLauncherEvent);
        CompletableFuture<ChromiumRuntime> browser = new CompletableFuture<>();
        Instant[] splashShown = new Instant[1];
        onEdt(() -> {
            icon = icon();
            splash = new SplashWindow(icon);
            splash.status(c.backend().status());
            splash.show();
            splashMs = c.sinceStart();
            splashShown[0] = Instant.now();
            // Chromium starts while the backend does; the first start also unpacks it (with progress).
            Thread.ofPlatform().name("chromium-start").start(() -> {
                try {
                    ChromiumRuntime runtime = ChromiumRuntime.start(c.appData(), fraction -> onEdt(() -> {
                        splash.status("Preparing the browser (first start only)…");
                        splash.progress(fraction);
                    }));
                    browser.complete(runtime);
                } catch (ChromiumException | RuntimeException e) {
                    browser.completeExceptionally(e);
                }
            });
            browser.thenCombine(c.backend().session(), Ready::new).whenComplete((ready, failure) -> {
                Duration left = c.args().splashMin().minus(Duration.between(splashShown[0], Instant.now()));
                Runnable next = failure == null ? () -> showMain(ready) : () -> startFailed(unwrap(failure));
                CompletableFuture.delayedExecutor(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS)
                        .execute(() -> onEdt(next));
            });
        });
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exitCode;
    }

    private record Ready(ChromiumRuntime chromium, BackendSession session) {
    }

    @Override
    public void handOff(List<String> args) {
        onEdt(() -> {
            if (window != null) {
                window.focus();
            }
        });
    }

    @Override
    public void terminateRequested() {
        quit();
    }

    private void onLauncherEvent(LauncherEvent event) {
        if (event instanceof LauncherEvent.ExitedUnexpectedly e) {
            onEdt(() -> backendDied(e));
        }
        String status = context.backend().status();
        onEdt(() -> {
            if (splash != null && !firstPage.get()) {
                splash.status(status);
            }
        });
    }

    private void showMain(Ready ready) {
        if (quitting.get()) {
            return;
        }
        chromium = ready.chromium();
        ShellContext c = context;
        window = new MainWindow(icon, opener, c.appData(), new MainWindow.MenuActions(this::quit, this::about,
                () -> updates().check(false), () -> updates().installFromKit()));
        view = new BrowserView(chromium, ready.session(), c.args().startPage(), opener, new BrowserView.Listener() {
            @Override
            public void pageLoaded(String url) {
                if (firstPage.compareAndSet(false, true)) {
                    onEdt(() -> firstPageShown());
                }
            }

            @Override
            public void loadFailed(String url, String error) {
                boolean serverAlive = ProcessHandle.of(ready.session().serverPid()).map(ProcessHandle::isAlive).orElse(false);
                if (serverAlive && !firstPage.get() && c.args().smoke()) {
                    System.err.println("desktop-java-starter: the first page failed to load: " + url + " (" + error + ")");
                    exitCode = ExitCode.FIRST_PAGE_FAILED;
                    quit();
                }
            }

            @Override
            public void quitShortcut() {
                quit();
            }
        });
        window.show(view.component());
    }

    private void firstPageShown() {
        ShellContext c = context;
        long firstPageMs = c.sinceStart();
        // Chromium's browser process takes over TERM and INT while it starts (its handler ends the
        // process without saving or stopping in order); by the first page it is done: claim them back.
        ShellBoot.onTerminate(this::terminateRequested);
        splash.close();
        if (!c.args().smoke() && System.getenv(FeedSource.ENVIRONMENT) != null) {
            // The start-up check runs after the first page and stays silent unless there is an update.
            CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS).execute(() -> onEdt(() -> updates().check(true)));
        }
        if (c.args().smoke()) {
            CompletableFuture.delayedExecutor(c.args().smokeIdle().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                stdout.println(new SmokeReport(SHELL, splashMs, c.backend().healthyMs(), firstPageMs,
                        ProcessMemory.treeRssKb()).json());
                stdout.flush();
                quit();
            });
        }
    }

    private void startFailed(Throwable failure) {
        if (quitting.get()) {
            return;
        }
        boolean backend = failure instanceof LaunchException;
        exitCode = backend ? ExitCode.BACKEND_FAILED_TO_START : ExitCode.USAGE;
        String what = backend ? "the backend failed to start: " : "the browser failed to start: ";
        System.err.println("desktop-java-starter: " + what + failure.getMessage());
        if (!context.args().smoke()) {
            splash.close();
            Dialogs.error(null, backend ? "The app could not start" : "The app's browser could not start",
                    failure.getMessage(), backend ? ((LaunchException) failure).lastLogLines() : List.of());
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
        if (!context.args().smoke()) {
            Dialogs.error(window == null ? null : window.frame(), "The app stopped", reason, event.lastLogLines());
        }
        quit();
    }

    /** Created on first use, so a shell that never checks pays nothing at start-up. */
    private UpdatePrompts updates() {
        if (updates == null) {
            updates = ShellUpdates.prompts(context, SwingShell.class, new SwingPromptView(window.frame()), this::quit);
        }
        return updates;
    }

    private void about() {
        ShellContext c = context;
        Dialogs.about(window.frame(), List.of(
                "Version: " + ShellContext.version(SwingShell.class),
                "Shell: Swing + JCEF, Chromium " + chromium.version(),
                "Runtime: " + System.getProperty("java.runtime.name", "Java") + " " + Runtime.version(),
                "Backend: " + c.source().describe(),
                "App data: " + c.appData()));
    }

    /**
     * Every way out ends here: window close, menu, shortcut, signals, failures. The backend stops,
     * then the browser closes and Chromium shuts down (its helper processes with it), then the
     * window goes and {@link #run} returns.
     */
    void quit() {
        if (!quitting.compareAndSet(false, true)) {
            return;
        }
        onEdt(() -> {
            if (window != null) {
                window.saveGeometry();
            }
            if (splash != null) {
                splash.close();
            }
            Thread.ofPlatform().name("shell-stop").start(this::stopEverything);
        });
    }

    private void stopEverything() {
        context.backend().stop();
        try {
            BrowserView v = view;
            if (v != null) {
                CompletableFuture<CompletableFuture<Void>> closing = new CompletableFuture<>();
                SwingUtilities.invokeLater(() -> closing.complete(v.close()));
                try {
                    closing.join().get(10, TimeUnit.SECONDS);
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
        } catch (java.lang.reflect.InvocationTargetException e) {
            System.err.println("desktop-java-starter: while closing the window: " + e.getCause());
        } finally {
            finished.countDown();
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static Image icon() {
        try (InputStream in = Objects.requireNonNull(SwingShell.class.getResourceAsStream("icon-256.png"), "icon-256.png")) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("the shell's icon is missing from its jar", e);
        }
    }

    private static void onEdt(Runnable action) {
        SwingUtilities.invokeLater(action);
    }
}
