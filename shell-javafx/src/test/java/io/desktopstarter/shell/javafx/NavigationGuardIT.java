package io.desktopstarter.shell.javafx;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.staging.launch.BackendLauncher;
import io.desktopstarter.staging.launch.BackendSession;
import io.desktopstarter.staging.launch.BackendSource;
import io.desktopstarter.staging.launch.LaunchOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real clicks in a real WebView (headless JavaFX) on pages served by the staged backend. */
class NavigationGuardIT {
    @TempDir
    static Path appData;
    static BackendLauncher launcher;
    static BackendSession session;
    static MainWindow window;
    static final List<String> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        launcher = new BackendLauncher(BackendSource.staged(Path.of(System.getProperty("stage.dir"))),
                LaunchOptions.defaults().withAppDataDir(appData), e -> { });
        session = launcher.start();
        FxToolkit.start();
        CompletableFuture<String> firstPage = new CompletableFuture<>();
        Platform.runLater(() -> {
            window = new MainWindow(new Stage(), new WritableImage(16, 16), opened::add, appData,
                    new MainWindow.MenuActions(() -> { }, () -> { }, () -> { }, () -> { }, () -> { }));
            window.open(session, "/about/", firstPage::complete,
                    failed -> firstPage.completeExceptionally(new AssertionError("page failed to load: " + failed)));
        });
        assertThat(firstPage.get(60, TimeUnit.SECONDS)).isEqualTo(session.origin() + "/about/");
    }

    @AfterAll
    static void stop() throws Exception {
        launcher.stop();
        FxToolkit.onFx(() -> {
            window.stage().hide();
            return null;
        });
    }

    @Test
    void externalLinkOpensInTheOsBrowserAndTheWindowStays() throws Exception {
        click("project-home");

        awaitOpened("https://github.com/desktop-java-starter/desktop-java-starter");
        Thread.sleep(500);
        assertThat(FxToolkit.onFx(() -> (String) window.engine().executeScript("location.href"))).isEqualTo(session.origin() + "/about/");
        assertThat(FxToolkit.onFx(() -> window.engine().getDocument().getElementById("project-home"))).isNotNull();
    }

    @Test
    void targetBlankLinkNeverOpensASecondWindow() throws Exception {
        int windowsBefore = FxToolkit.onFx(() -> javafx.stage.Window.getWindows().size());

        click("release-notes");

        awaitOpened("https://github.com/desktop-java-starter/desktop-java-starter/releases");
        assertThat(FxToolkit.onFx(() -> javafx.stage.Window.getWindows().size())).isEqualTo(windowsBefore);
        assertThat(FxToolkit.onFx(() -> (String) window.engine().executeScript("location.href"))).isEqualTo(session.origin() + "/about/");
    }

    @Test
    void sameOriginLinkNavigatesInsideTheWindow() throws Exception {
        CompletableFuture<String> loaded = new CompletableFuture<>();
        Platform.runLater(() -> window.engine().getLoadWorker().stateProperty().addListener((o, a, state) -> {
            if (state == javafx.concurrent.Worker.State.SUCCEEDED) {
                loaded.complete(window.engine().getLocation());
            }
        }));
        Platform.runLater(() -> window.engine().executeScript("document.querySelector('a[href=\"/tasks/\"]').click()"));

        assertThat(loaded.get(30, TimeUnit.SECONDS)).isEqualTo(session.origin() + "/tasks/");
        assertThat(opened).noneMatch(u -> u.endsWith("/tasks/"));
        Platform.runLater(() -> window.engine().load(session.origin() + "/about/"));
        Thread.sleep(1500);
    }

    @Test
    void scriptNavigationToAFileUrlIsBlocked() throws Exception {
        Platform.runLater(() -> window.engine().executeScript("location.href = 'file:///etc/passwd'"));
        Thread.sleep(1000);

        assertThat(FxToolkit.onFx(() -> (String) window.engine().executeScript("location.href"))).startsWith(session.origin());
        assertThat(opened).noneMatch(u -> u.startsWith("file:"));
    }

    private static void click(String id) {
        Platform.runLater(() -> window.engine().executeScript("document.getElementById('" + id + "').click()"));
    }

    private static void awaitOpened(String url) throws InterruptedException {
        for (int i = 0; i < 100 && !opened.contains(url); i++) {
            Thread.sleep(50);
        }
        assertThat(opened).contains(url);
    }
}
