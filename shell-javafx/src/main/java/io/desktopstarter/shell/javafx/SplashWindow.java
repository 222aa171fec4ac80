package io.desktopstarter.shell.javafx;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/** The window shown from the first moment until the backend is ready: name, spinner, status. */
final class SplashWindow {
    private final Stage stage;
    private final Label status = new Label("Starting…");

    SplashWindow(Image icon) {
        stage = new Stage(StageStyle.UNDECORATED);
        stage.setTitle(JavaFxShell.APP_NAME);
        stage.getIcons().add(icon);
        ImageView logo = new ImageView(icon);
        logo.setFitWidth(88);
        logo.setFitHeight(88);
        Label name = new Label(JavaFxShell.APP_NAME);
        name.getStyleClass().add("splash-title");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(38, 38);
        status.getStyleClass().add("splash-status");
        VBox box = new VBox(14, logo, name, spinner, status);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(28));
        box.getStyleClass().add("splash");
        Scene scene = new Scene(box, 440, 300);
        scene.getStylesheets().add(SplashWindow.class.getResource("shell.css").toExternalForm());
        stage.setScene(scene);
    }

    void show() {
        stage.centerOnScreen();
        stage.show();
    }

    void status(String text) {
        status.setText(text);
    }

    void close() {
        stage.close();
    }
}
