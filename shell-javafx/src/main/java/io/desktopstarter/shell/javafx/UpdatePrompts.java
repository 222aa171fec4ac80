package io.desktopstarter.shell.javafx;

import io.desktopstarter.updater.flow.UpdateService;
import io.desktopstarter.updater.flow.UpdateState;
import io.desktopstarter.updater.install.InstallOutcome;
import java.io.File;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

/**
 * The update flow's dialogs: ask before downloading, show progress, ask before installing, report
 * the outcome. The {@link UpdateService} does the work on its own thread; this class only turns its
 * states into dialogs on the JavaFX thread.
 */
final class UpdatePrompts {
    private final UpdateService service;
    private final Stage owner;
    private final Image icon;
    private final Runnable stopBackendAndQuit;
    private final Runnable beforeInstall;
    private Alert progress;
    private ProgressBar bar;
    private Label progressText;

    /**
     * @param beforeInstall runs off the UI thread before the installer (stops the backend where the
     *                      installer replaces files in use: Windows)
     */
    UpdatePrompts(UpdateService service, Stage owner, Image icon, Runnable beforeInstall, Runnable stopBackendAndQuit) {
        this.service = service;
        this.beforeInstall = beforeInstall;
        this.owner = owner;
        this.icon = icon;
        this.stopBackendAndQuit = stopBackendAndQuit;
    }

    /** Help > Check for Updates…; {@code quiet} (the start-up check) stays silent unless there is an update. */
    void check(boolean quiet) {
        service.check().thenAccept(state -> Platform.runLater(() -> {
            switch (state) {
                case UpdateState.Available a -> offerDownload(a);
                case UpdateState.UpToDate u when !quiet -> info("You are up to date", "Version " + u.version()
                        + " is the newest version.");
                case UpdateState.NotConfigured n when !quiet -> info("Updates are off", n.reason());
                case UpdateState.Failed f when !quiet -> error("Could not check for updates", f.message());
                default -> { }
            }
        }));
    }

    /** File > Install Update from File…: a kit directory, verified with the same rules. */
    void installFromKit() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the update kit folder (with latest.json)");
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            service.openKit(dir.toPath()).thenAccept(state -> Platform.runLater(() -> afterDownload(state)));
        }
    }

    /** Feeds progress events (called on the updater thread). */
    void onState(UpdateState state) {
        if (state instanceof UpdateState.Downloading(var p)) {
            Platform.runLater(() -> {
                if (bar != null) {
                    bar.setProgress(p.total() > 0 ? (double) p.bytes() / p.total() : -1);
                    progressText.setText(mb(p.bytes()) + " of " + mb(p.total()) + " MB, " + mb(p.bytesPerSecond()) + " MB/s");
                }
            });
        }
    }

    private void offerDownload(UpdateState.Available available) {
        if (!confirm("Version " + available.version() + " is available",
                (available.notes().isBlank() ? "" : available.notes() + "\n\n") + "Download it now (" + mb(available.size())
                        + " MB)? It is checked against the publisher's signature before anything is installed.",
                "Download")) {
            return;
        }
        bar = new ProgressBar(0);
        bar.setPrefWidth(360);
        progressText = new Label("Starting download…");
        progress = new Alert(Alert.AlertType.NONE, null, ButtonType.CANCEL);
        decorate(progress, "Downloading version " + available.version());
        progress.getDialogPane().setContent(new VBox(8, bar, progressText));
        progress.setOnCloseRequest(e -> service.cancel());
        progress.show();
        service.download().thenAccept(state -> Platform.runLater(() -> {
            progress.setOnCloseRequest(null);
            progress.close();
            afterDownload(state);
        }));
    }

    private void afterDownload(UpdateState state) {
        switch (state) {
            case UpdateState.ReadyToInstall ready -> {
                if (confirm("Version " + ready.version() + " is ready", "The update passed every check. Install it now?"
                        + " The app stops its background services first and may close.", "Install")) {
                    java.util.concurrent.CompletableFuture.runAsync(beforeInstall).thenCompose(v -> service.install())
                            .thenAccept(done -> Platform.runLater(() -> finished(done)));
                }
            }
            case UpdateState.Failed f -> error("The update was not installed", f.message()
                    + "\n\nNothing was changed: the installed app and your data are as before.");
            default -> { }
        }
    }

    private void finished(UpdateState state) {
        if (!(state instanceof UpdateState.Finished(InstallOutcome outcome))) {
            error("The update was not installed", state instanceof UpdateState.Failed f ? f.message() : state.toString());
            return;
        }
        switch (outcome) {
            case InstallOutcome.Installed i -> {
                info("Version " + i.version() + " is installed", "Quit and start the app again to use it.");
            }
            case InstallOutcome.RolledBack r -> error("Version " + r.version() + " did not start",
                    "The previous version is active again.\n" + r.reason());
            case InstallOutcome.ManualStep m -> info("One more step", m.instructions());
            case InstallOutcome.Launched l -> stopBackendAndQuit.run();
            case InstallOutcome.Failed f -> error("The update was not installed", f.reason());
        }
    }

    private boolean confirm(String header, String text, String action) {
        ButtonType go = new ButtonType(action, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, go, ButtonType.CANCEL);
        decorate(alert, header);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == go;
    }

    private void info(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        decorate(alert, header);
        alert.showAndWait();
    }

    private void error(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.CLOSE);
        decorate(alert, header);
        alert.showAndWait();
    }

    private void decorate(Alert alert, String header) {
        alert.setTitle(JavaFxShell.APP_NAME);
        alert.setHeaderText(header);
        alert.initOwner(owner);
        alert.getDialogPane().setPrefWidth(520);
        ((Stage) alert.getDialogPane().getScene().getWindow()).getIcons().add(icon);
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_048_576.0);
    }
}
