package io.desktopstarter.shell.common;

import io.desktopstarter.updater.flow.UpdateService;
import io.desktopstarter.updater.flow.UpdateState;
import io.desktopstarter.updater.install.InstallOutcome;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The update flow as both shells show it: ask before downloading, show progress, ask before
 * installing, report the outcome. The {@link UpdateService} works on its own thread; this class
 * turns its states into the toolkit's dialogs ({@link PromptView}) on the UI thread.
 */
public final class UpdatePrompts {
    private final UpdateService service;
    private final PromptView view;
    private final Runnable beforeInstall;
    private final Runnable stopBackendAndQuit;
    private volatile boolean downloading;

    /**
     * @param beforeInstall runs off the UI thread before the installer (stops the backend where the
     *                      installer replaces files in use: Windows)
     */
    public UpdatePrompts(UpdateService service, PromptView view, Runnable beforeInstall, Runnable stopBackendAndQuit) {
        this.service = Objects.requireNonNull(service);
        this.view = Objects.requireNonNull(view);
        this.beforeInstall = Objects.requireNonNull(beforeInstall);
        this.stopBackendAndQuit = Objects.requireNonNull(stopBackendAndQuit);
    }

    /** Whether updates are on (a feed, keys, no policy saying off): the silent start-up check runs only then. */
    public boolean configured() {
        return service.configured();
    }

    /** Help > Check for Updates…; {@code quiet} (the start-up check) stays silent unless there is an update. */
    public void check(boolean quiet) {
        service.check().thenAccept(state -> view.onUi(() -> {
            switch (state) {
                case UpdateState.Available a -> offerDownload(a);
                case UpdateState.UpToDate u when !quiet -> view.info("You are up to date", "Version " + u.version()
                        + " is the newest version.");
                case UpdateState.NotConfigured n when !quiet -> view.info("Updates are off", n.reason());
                case UpdateState.Failed f when !quiet -> view.error("Could not check for updates", f.message());
                default -> { }
            }
        }));
    }

    /** File > Install Update from File…: a kit directory, verified with the same rules. */
    public void installFromKit() {
        view.chooseKitFolder().ifPresent(dir ->
                service.openKit(dir).thenAccept(state -> view.onUi(() -> afterDownload(state))));
    }

    /** Feeds progress events (called on the updater thread). */
    public void onState(UpdateState state) {
        if (downloading && state instanceof UpdateState.Downloading(var p)) {
            double fraction = p.total() > 0 ? (double) p.bytes() / p.total() : -1;
            String text = mb(p.bytes()) + " of " + mb(p.total()) + " MB, " + mb(p.bytesPerSecond()) + " MB/s";
            view.onUi(() -> view.progress(fraction, text));
        }
    }

    private void offerDownload(UpdateState.Available available) {
        if (!view.confirm("Version " + available.version() + " is available",
                (available.notes().isBlank() ? "" : available.notes() + "\n\n") + "Download it now (" + mb(available.size())
                        + " MB)? It is checked against the publisher's signature before anything is installed.",
                "Download")) {
            return;
        }
        downloading = true;
        view.showProgress("Downloading version " + available.version(), service::cancel);
        service.download().thenAccept(state -> view.onUi(() -> {
            downloading = false;
            view.closeProgress();
            afterDownload(state);
        }));
    }

    private void afterDownload(UpdateState state) {
        switch (state) {
            case UpdateState.ReadyToInstall ready -> {
                if (view.confirm("Version " + ready.version() + " is ready", "The update passed every check. Install it now?"
                        + " The app stops its background services first and may close.", "Install")) {
                    CompletableFuture.runAsync(beforeInstall).thenCompose(v -> service.install())
                            .thenAccept(done -> view.onUi(() -> finished(done)));
                }
            }
            case UpdateState.Failed f -> view.error("The update was not installed", f.message()
                    + "\n\nNothing was changed: the installed app and your data are as before.");
            default -> { }
        }
    }

    private void finished(UpdateState state) {
        if (!(state instanceof UpdateState.Finished(InstallOutcome outcome))) {
            view.error("The update was not installed", state instanceof UpdateState.Failed f ? f.message() : state.toString());
            return;
        }
        switch (outcome) {
            case InstallOutcome.Installed i -> view.info("Version " + i.version() + " is installed",
                    "Quit and start the app again to use it.");
            case InstallOutcome.RolledBack r -> view.error("Version " + r.version() + " did not start",
                    "The previous version is active again.\n" + r.reason());
            case InstallOutcome.ManualStep m -> view.info("One more step", m.instructions());
            case InstallOutcome.Launched l -> stopBackendAndQuit.run();
            case InstallOutcome.Failed f -> view.error("The update was not installed", f.reason());
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_048_576.0);
    }
}
