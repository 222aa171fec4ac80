package io.desktopstarter.shell.javafx;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.automation.ShellEvents;
import io.desktopstarter.shell.common.diagnostics.DiagnosticsZip;
import io.desktopstarter.shell.common.diagnostics.SaveDiagnostics;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help > Save Diagnostics… in the real JavaFX main window (headless): the menu item runs the shared
 * flow, the zip lands where the save dialog said, and the shell's own alert confirms it or says why not.
 * Only the platform's file dialog is replaced (it cannot be driven headless).
 */
class SaveDiagnosticsMenuIT {
    static final String TOKEN = "0123456789abcdef".repeat(4);

    @TempDir
    Path tmp;
    Path appData;
    MainWindow window;
    Path answer;

    @BeforeAll
    static void fx() throws Exception {
        FxToolkit.start();
    }

    @BeforeEach
    void window() throws Exception {
        appData = Files.createDirectories(tmp.resolve("app-data"));
        Files.createDirectories(appData.resolve("logs"));
        Files.writeString(appData.resolve("logs/backend.log"), "GET /desktop-auth/bootstrap/?token=" + TOKEN + "\n");
        Files.writeString(appData.resolve("secret.key"), "secret");
        Files.writeString(appData.resolve("app.sqlite3"), "data");
        Files.createDirectories(tmp.resolve("home/Downloads"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        window = FxToolkit.onFx(() -> {
            Stage stage = new Stage();
            FxPromptView dialogs = new FxPromptView(stage, new WritableImage(16, 16));
            SaveDiagnostics.View view = new SaveDiagnostics.View() {
                @Override
                public void onUi(Runnable action) {
                    dialogs.onUi(action);
                }

                @Override
                public Optional<Path> chooseSaveTarget(String title, Path folder, String fileName) {
                    return Optional.ofNullable(answer);
                }

                @Override
                public void info(String header, String text) {
                    dialogs.info(header, text);
                }

                @Override
                public void error(String header, String text) {
                    dialogs.error(header, text);
                }
            };
            SaveDiagnostics flow = new SaveDiagnostics(() -> new DiagnosticsZip(appData,
                    new DiagnosticsZip.Facts("javafx", List.of("Version: 0.0.0"), Optional.empty()), clock),
                    view, tmp.resolve("home"), clock);
            MainWindow w = new MainWindow(stage, new WritableImage(16, 16), url -> { }, ShellEvents.NONE, appData,
                    new MainWindow.MenuActions(() -> { }, () -> { }, () -> { }, () -> { }, flow::run));
            stage.show();
            return w;
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.onFx(() -> {
            window.stage().hide();
            return null;
        });
    }

    @Test
    void helpMenuSavesTheZipAndConfirms() throws Exception {
        answer = tmp.resolve("home/Downloads/desktop-java-starter-diagnostics-2026-11-23.zip");

        assertThat(FxToolkit.onFx(() -> labels(help()))).containsExactly(
                "Check for Updates…", "Save Diagnostics…", "---", "About Desktop Java Starter");
        fire("Save Diagnostics…");

        DialogPane dialog = awaitDialog();
        assertThat(dialog.getHeaderText()).isEqualTo("Diagnostics saved");
        assertThat(dialog.getContentText()).startsWith("Saved to " + answer).contains("MANIFEST.txt");
        close(dialog);
        List<String> names = new ArrayList<>();
        String log;
        try (InputStream in = Files.newInputStream(answer); ZipInputStream zip = new ZipInputStream(in)) {
            String backendLog = "";
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("logs/backend.log")) {
                    backendLog = new String(zip.readAllBytes());
                }
            }
            log = backendLog;
        }
        assertThat(names).containsExactly("MANIFEST.txt", "versions.txt", "settings.txt", "logs/backend.log");
        assertThat(log).isEqualTo("GET /desktop-auth/bootstrap/?token=[REDACTED]\n");
    }

    @Test
    void aMissingFolderGetsAnErrorDialogAndNoFile() throws Exception {
        answer = tmp.resolve("home/ejected-stick/diag.zip");

        fire("Save Diagnostics…");

        DialogPane dialog = awaitDialog();
        assertThat(dialog.getHeaderText()).isEqualTo("Diagnostics not saved");
        assertThat(dialog.getContentText()).contains("the folder " + answer.getParent() + " does not exist",
                "Nothing was written");
        close(dialog);
        assertThat(answer.getParent()).doesNotExist();
    }

    private Menu help() {
        MenuBar bar = (MenuBar) ((BorderPane) window.stage().getScene().getRoot()).getTop();
        return bar.getMenus().stream().filter(m -> m.getText().equals("Help")).findFirst().orElseThrow();
    }

    private static List<String> labels(Menu menu) {
        return menu.getItems().stream().map(i -> i.getText() == null ? "---" : i.getText()).toList();
    }

    private void fire(String label) {
        Platform.runLater(() -> help().getItems().stream().filter(i -> label.equals(i.getText()))
                .findFirst().orElseThrow().fire());
    }

    /** The alert the flow shows once the zip is written (or not). */
    private static DialogPane awaitDialog() throws Exception {
        AtomicReference<DialogPane> found = new AtomicReference<>();
        for (int i = 0; i < 200 && found.get() == null; i++) {
            found.set(FxToolkit.onFx(() -> Window.getWindows().stream()
                    .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                    .map(w -> (DialogPane) w.getScene().getRoot()).findFirst().orElse(null)));
            Thread.sleep(50);
        }
        assertThat(found.get()).as("a dialog within 10 s").isNotNull();
        return found.get();
    }

    private static void close(DialogPane dialog) {
        Platform.runLater(() -> dialog.getButtonTypes().stream().findFirst()
                .map(dialog::lookupButton).ifPresent(b -> ((javafx.scene.control.Button) b).fire()));
    }
}
