package io.desktopstarter.shell.common;

import io.desktopstarter.contract.LauncherProperties;
import io.desktopstarter.staging.launch.BackendSession;
import io.desktopstarter.staging.launch.LaunchException;
import io.desktopstarter.staging.launch.LauncherEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What happens between start and quit, decided once for both shells: the splash's minimum time,
 * the first page (splash closes, the quiet update check, the smoke line), failures with their exit
 * codes and dialogs, and the one-time quit. The toolkit draws ({@link Ui}); this class decides.
 */
public final class ShellLifecycle {
    /** The toolkit's side. Every method but {@link #onUi} runs on the UI thread. */
    public interface Ui {
        void onUi(Runnable action);

        void splashStatus(String line);

        void closeSplash();

        /** A modal error; {@code logLines} may be empty. */
        void error(String header, String reason, List<String> logLines);

        /** The update flow (created on first use, so start-up never pays for it). */
        UpdatePrompts updates();

        /** The toolkit's ordered shutdown; it starts with {@link #beginQuit()}. */
        void quit();
    }

    private final ShellContext context;
    private final Ui ui;
    private final AtomicBoolean firstPage = new AtomicBoolean();
    private final AtomicBoolean quitting = new AtomicBoolean();
    private volatile int exitCode = ExitCode.OK;
    private volatile long splashMs;
    private volatile Instant splashShown = Instant.now();

    /** Starts following the launcher: a backend crash ends the shell, status lines go to the splash. */
    public ShellLifecycle(ShellContext context, Ui ui) {
        this.context = Objects.requireNonNull(context);
        this.ui = Objects.requireNonNull(ui);
        context.backend().listen(event -> {
            if (event instanceof LauncherEvent.ExitedUnexpectedly e) {
                ui.onUi(() -> backendDied(e));
            }
            String status = context.backend().status();
            ui.onUi(() -> {
                if (!firstPage.get()) {
                    ui.splashStatus(status);
                }
            });
        });
    }

    public void splashShown() {
        splashMs = context.sinceStart();
        splashShown = Instant.now();
    }

    /**
     * Runs {@code next} on the UI thread once the splash has been up for {@code --splash-min-ms},
     * unless the shell is quitting by then (a TERM during the splash must not open the window).
     */
    public void afterSplashMinimum(Runnable next) {
        long left = context.args().splashMin().minus(Duration.between(splashShown, Instant.now())).toMillis();
        Runnable unlessQuitting = () -> {
            if (!quitting.get()) {
                next.run();
            }
        };
        if (left <= 0) {
            ui.onUi(unlessQuitting);
        } else {
            CompletableFuture.delayedExecutor(left, TimeUnit.MILLISECONDS).execute(() -> ui.onUi(unlessQuitting));
        }
    }

    /** A backend page has loaded (UI thread). The first one ends start-up. */
    public void pageLoaded() {
        if (!firstPage.compareAndSet(false, true)) {
            return;
        }
        long firstPageMs = context.sinceStart();
        ui.closeSplash();
        // Support reads this line in a log; tests wait for it instead of guessing how long start-up takes.
        System.err.println("desktop-java-starter: first page shown after " + firstPageMs + " ms");
        if (!context.args().smoke() && ui.updates().configured()) {
            // The start-up check runs after the first page and stays silent unless there is an update.
            CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS).execute(() -> ui.onUi(() -> ui.updates().check(true)));
        }
        if (context.args().smoke()) {
            CompletableFuture.delayedExecutor(context.args().smokeIdle().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                context.stdout().println(new SmokeReport(context.shell(), splashMs, context.backend().healthyMs(),
                        firstPageMs, ProcessMemory.treeRssKb()).json());
                context.stdout().flush();
                ui.onUi(ui::quit);
            });
        }
    }

    public boolean firstPageShown() {
        return firstPage.get();
    }

    /**
     * A page failed to load (UI thread). Only the smoke run's first page is fatal (exit 5); a dead
     * server is not the page's fault: the launcher reports it as a crash (exit 4).
     */
    public void pageFailed(String url, String detail) {
        BackendSession session = context.backend().session().getNow(null);
        boolean serverAlive = session != null
                && ProcessHandle.of(session.serverPid()).map(ProcessHandle::isAlive).orElse(false);
        if (serverAlive && !firstPage.get() && context.args().smoke()) {
            System.err.println("desktop-java-starter: the first page failed to load: " + url + " (" + detail + ")");
            exitCode = ExitCode.FIRST_PAGE_FAILED;
            ui.quit();
        }
    }

    /** The backend did not start (UI thread): dialog with its last output lines, exit 3. */
    public void backendFailedToStart(LaunchException failure) {
        fail(ExitCode.BACKEND_FAILED_TO_START, "the backend failed to start", "The app could not start",
                failure.getMessage(), failure.lastLogLines());
    }

    /** The shell's own parts could not start (UI thread), e.g. its browser engine: dialog, exit 2. */
    public void setupFailed(String header, String reason) {
        fail(ExitCode.USAGE, header.toLowerCase(Locale.ROOT), header, reason, List.of());
    }

    private void fail(int code, String logPrefix, String header, String reason, List<String> logLines) {
        if (quitting.get()) {
            return;
        }
        exitCode = code;
        System.err.println("desktop-java-starter: " + logPrefix + ": " + reason);
        if (!context.args().smoke()) {
            ui.closeSplash();
            ui.error(header, reason, logLines);
        }
        ui.quit();
    }

    private void backendDied(LauncherEvent.ExitedUnexpectedly event) {
        if (quitting.get()) {
            return;
        }
        exitCode = ExitCode.BACKEND_CRASHED;
        String reason = "The app's " + event.role().name().toLowerCase(Locale.ROOT)
                + " process stopped unexpectedly (exit code " + event.exitCode()
                + "). The window will close; start the app again to continue.";
        System.err.println("desktop-java-starter: " + reason);
        if (!context.args().smoke()) {
            ui.error("The app stopped", reason, event.lastLogLines());
        }
        ui.quit();
    }

    /** True the first time only: the caller then runs its shutdown. */
    public boolean beginQuit() {
        return quitting.compareAndSet(false, true);
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * Help > About's lines; {@code shellLine} says which toolkit and engine. An installed app also says where its
     * third-party notices and SBOM are (the launcher's {@value LauncherProperties#LEGAL}).
     */
    public List<String> aboutLines(Class<?> shellClass, String shellLine) {
        List<String> lines = new ArrayList<>(List.of(
                "Version: " + ShellContext.version(shellClass),
                "Shell: " + shellLine,
                "Runtime: " + System.getProperty("java.runtime.name", "Java") + " " + Runtime.version(),
                "Backend: " + context.source().describe(),
                "App data: " + context.appData()));
        Optional.ofNullable(System.getProperty(LauncherProperties.LEGAL)).map(Path::of).map(Path::normalize)
                .ifPresent(legal -> lines.add("Third-party notices: " + legal.resolve(LauncherProperties.NOTICES_FILE)));
        return List.copyOf(lines);
    }
}
