package io.desktopstarter.shell.javafx;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The shell's dialogs: backend errors (with the last log lines) and About. */
final class Dialogs {
    private Dialogs() {
    }

    static void error(Window owner, Image icon, String header, String reason, List<String> logLines) {
        Alert alert = new Alert(Alert.AlertType.ERROR, reason, ButtonType.CLOSE);
        alert.setTitle(JavaFxShell.APP_NAME);
        alert.setHeaderText(header);
        if (owner != null) {
            alert.initOwner(owner);
        }
        ((Stage) alert.getDialogPane().getScene().getWindow()).getIcons().add(icon);
        alert.getDialogPane().setPrefWidth(640);
        if (!logLines.isEmpty()) {
            TextArea log = new TextArea(String.join("\n", logLines));
            log.setEditable(false);
            log.setWrapText(false);
            log.setPrefRowCount(10);
            log.setPrefColumnCount(60);
            GridPane.setVgrow(log, Priority.ALWAYS);
            GridPane.setHgrow(log, Priority.ALWAYS);
            GridPane content = new GridPane();
            content.add(new Label("Last lines of the backend's output:"), 0, 0);
            content.add(log, 0, 1);
            alert.getDialogPane().setExpandableContent(content);
            alert.getDialogPane().setExpanded(true);
        }
        alert.showAndWait();
    }

    static void about(Window owner, Image icon, List<String> facts) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, String.join("\n", facts), ButtonType.OK);
        alert.setTitle("About " + JavaFxShell.APP_NAME);
        alert.setHeaderText(JavaFxShell.APP_NAME);
        alert.initOwner(owner);
        ((Stage) alert.getDialogPane().getScene().getWindow()).getIcons().add(icon);
        alert.showAndWait();
    }
}
