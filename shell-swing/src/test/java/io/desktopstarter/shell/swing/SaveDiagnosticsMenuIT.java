package io.desktopstarter.shell.swing;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.diagnostics.DiagnosticsZip;
import io.desktopstarter.shell.common.diagnostics.SaveDiagnostics;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.swing.JDialog;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help > Save Diagnostics… in the real Swing main window (under Xvfb; no Chromium needed): the
 * menu item runs the shared flow, the zip lands where the save dialog said, and the shell's option
 * pane confirms it or says why not. Only the file dialog's answer is given by the test.
 */
class SaveDiagnosticsMenuIT {
    static final String TOKEN = "fedcba9876543210".repeat(4);

    @TempDir
    Path tmp;
    Path appData;
    MainWindow window;
    volatile Path answer;

    @BeforeEach
    void window() throws Exception {
        appData = Files.createDirectories(tmp.resolve("app-data"));
        Files.createDirectories(appData.resolve("logs"));
        Files.writeString(appData.resolve("logs/chromium.log"), "[0101/000000.000:WARNING] GET http://127.0.0.1:1/?token="
                + TOKEN + "\n");
        Files.writeString(appData.resolve("secret.key"), "secret");
        Files.writeString(appData.resolve("app.sqlite3"), "data");
        Files.createDirectories(appData.resolve("chromium/Default"));
        Files.createDirectories(tmp.resolve("home/Downloads"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        window = onEdt(() -> {
            BufferedImage icon = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
            MainWindow[] w = new MainWindow[1];
            SaveDiagnostics.View view = new SaveDiagnostics.View() {
                @Override
                public void onUi(Runnable action) {
                    SwingUtilities.invokeLater(action);
                }

                @Override
                public Optional<Path> chooseSaveTarget(String title, Path folder, String fileName) {
                    return Optional.ofNullable(answer);
                }

                @Override
                public void info(String header, String text) {
                    new SwingPromptView(w[0].frame()).info(header, text);
                }

                @Override
                public void error(String header, String text) {
                    new SwingPromptView(w[0].frame()).error(header, text);
                }
            };
            SaveDiagnostics flow = new SaveDiagnostics(() -> new DiagnosticsZip(appData,
                    new DiagnosticsZip.Facts("swing", List.of("Version: 0.0.0"), Optional.empty()), clock),
                    view, tmp.resolve("home"), clock);
            w[0] = new MainWindow(icon, url -> { }, appData,
                    new MainWindow.MenuActions(() -> { }, () -> { }, () -> { }, () -> { }, flow::run));
            w[0].show(new JPanel());
            return w[0];
        });
    }

    @AfterEach
    void close() throws Exception {
        onEdt(() -> {
            window.close();
            return null;
        });
    }

    @Test
    void helpMenuSavesTheZipAndConfirms() throws Exception {
        answer = tmp.resolve("home/Downloads/desktop-java-starter-diagnostics-2026-11-23.zip");

        assertThat(onEdt(() -> labels(help()))).containsExactly(
                "Check for Updates…", "Save Diagnostics…", "---", "About Desktop Java Starter");
        click("Save Diagnostics…");

        String message = awaitOptionPane();
        assertThat(message).contains("<b>Diagnostics saved</b>", "Saved to " + answer, "MANIFEST.txt");
        List<String> names = new ArrayList<>();
        String log = "";
        try (InputStream in = Files.newInputStream(answer); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("logs/chromium.log")) {
                    log = new String(zip.readAllBytes());
                }
            }
        }
        assertThat(names).containsExactly("MANIFEST.txt", "versions.txt", "settings.txt", "logs/chromium.log");
        assertThat(log).endsWith("?token=[REDACTED]\n").doesNotContain(TOKEN);
    }

    @Test
    void aMissingFolderGetsAnErrorDialogAndNoFile() throws Exception {
        answer = tmp.resolve("home/ejected-stick/diag.zip");

        click("Save Diagnostics…");

        assertThat(awaitOptionPane()).contains("<b>Diagnostics not saved</b>",
                "the folder " + answer.getParent() + " does not exist", "Nothing was written");
        assertThat(answer.getParent()).doesNotExist();
    }

    private JMenu help() {
        return Arrays.stream(window.frame().getJMenuBar().getSubElements()).map(e -> (JMenu) e.getComponent())
                .filter(m -> m.getText().equals("Help")).findFirst().orElseThrow();
    }

    private static List<String> labels(JMenu menu) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < menu.getItemCount(); i++) {
            JMenuItem item = menu.getItem(i);
            labels.add(item == null ? "---" : item.getText());
        }
        return labels;
    }

    private void click(String label) {
        SwingUtilities.invokeLater(() -> {
            JMenu help = help();
            for (int i = 0; i < help.getItemCount(); i++) {
                if (help.getItem(i) != null && label.equals(help.getItem(i).getText())) {
                    help.getItem(i).doClick();
                }
            }
        });
    }

    /** The message of the option pane the flow shows once the zip is written (or not); then closes it. */
    private static String awaitOptionPane() throws Exception {
        AtomicReference<String> found = new AtomicReference<>();
        for (int i = 0; i < 200 && found.get() == null; i++) {
            Thread.sleep(50);
            found.set(onEdt(() -> {
                for (Window w : Window.getWindows()) {
                    if (w instanceof JDialog d && d.isShowing() && d.getContentPane().getComponent(0) instanceof JOptionPane pane) {
                        String message = String.valueOf(pane.getMessage());
                        d.dispose();
                        return message;
                    }
                }
                return null;
            }));
        }
        assertThat(found.get()).as("a dialog within 10 s").isNotNull();
        return found.get();
    }

    private static <T> T onEdt(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
