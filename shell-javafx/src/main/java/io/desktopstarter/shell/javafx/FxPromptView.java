package io.desktopstarter.shell.javafx;

import io.desktopstarter.shell.common.PromptView;
import io.desktopstarter.shell.common.diagnostics.SaveDiagnostics;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The update and Save Diagnostics flows' dialogs as JavaFX alerts owned by the main window. */
final class FxPromptView implements PromptView, SaveDiagnostics.View {
    private final Stage owner;
    private final Image icon;
    private Alert progress;
    private ProgressBar bar;
    private Label progressText;

    FxPromptView(Stage owner, Image icon) {
        this.owner = owner;
        this.icon = icon;
    }

    @Override
    public void onUi(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public boolean confirm(String header, String text, String action) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, go, ButtonType.CANCEL);
        decorate(alert, header);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == go;
    }

    @Override
    public void info(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        decorate(alert, header);
        alert.showAndWait();
    }

    @Override
    public void error(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.CLOSE);
        decorate(alert, header);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseKitFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the update kit folder (with latest.json)");
        File dir = chooser.showDialog(owner);
        return Optional.ofNullable(dir).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveTarget(String title, Path folder, String fileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(folder.toFile());
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip archives", "*.zip"));
        File file = chooser.showSaveDialog(owner); // the platform dialog asks before replacing a file
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public void showProgress(String header, Runnable onCancel) {
        bar = new ProgressBar(0);
        bar.setPrefWidth(360);
        progressText = new Label("Starting download…");
        progress = new Alert(Alert.AlertType.NONE, null, ButtonType.CANCEL);
        decorate(progress, header);
        progress.getDialogPane().setContent(new VBox(8, bar, progressText));
        progress.setOnCloseRequest(e -> onCancel.run());
        progress.show();
    }

    @Override
    public void progress(double fraction, String text) {
        if (bar != null) {
            bar.setProgress(fraction);
            progressText.setText(text);
        }
    }

    @Override
    public void closeProgress() {
        if (progress != null) {
            progress.setOnCloseRequest(null);
            progress.close();
            progress = null;
            bar = null;
        }
    }

    private void decorate(Alert alert, String header) {
        alert.setTitle(JavaFxShell.APP_NAME);
        alert.setHeaderText(header);
        alert.initOwner(owner);
        alert.getDialogPane().setPrefWidth(520);
        ((Stage) alert.getDialogPane().getScene().getWindow()).getIcons().add(icon);
    }
}
