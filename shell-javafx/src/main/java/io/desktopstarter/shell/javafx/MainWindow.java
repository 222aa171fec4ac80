package io.desktopstarter.shell.javafx;

import io.desktopstarter.contract.Platform.Os;
import io.desktopstarter.shell.common.ExternalOpener;
import io.desktopstarter.shell.common.NavigationPolicy;
import io.desktopstarter.shell.common.WindowGeometry;
import io.desktopstarter.shell.common.automation.MenuAction;
import io.desktopstarter.shell.common.automation.ShellEvents;
import io.desktopstarter.staging.launch.BackendSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import netscape.javascript.JSObject;

/** The app window: menus and a WebView that only ever shows the backend's own pages. */
final class MainWindow {
    private final Stage stage;
    private final WebView webView = new WebView();
    private final ExternalOpener opener;
    private final ShellEvents events;
    private final Map<MenuAction, MenuItem> menuItems = new EnumMap<>(MenuAction.class);
    private final Path geometryFile;
    private final Bridge bridge = new Bridge();
    private NavigationPolicy policy;
    private String lastGoodUrl;

    /**
     * Installed in every backend page: link clicks that would leave the origin go through
     * {@link Bridge#navigate}, {@code target=_blank} and {@code window.open} through {@link Bridge#openWindow},
     * instead of navigating the WebView.
     */
    private static final String GUARD_SCRIPT = """
            (function () {
              if (window.__desktopGuard) return;
              window.__desktopGuard = true;
              document.addEventListener('click', function (e) {
                var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
                if (!a) return;
                if (a.origin === location.origin && (!a.target || a.target === '_self')) return;
                e.preventDefault();
                e.stopPropagation();
                if (a.target && a.target !== '_self') window.desktopShell.openWindow(a.href);
                else window.desktopShell.navigate(a.href);
              }, true);
              window.open = function (url) {
                if (url) window.desktopShell.openWindow(new URL(url, location.href).href);
                return null;
              };
            })();
            """;

    /** What the menu items do. */
    record MenuActions(Runnable quit, Runnable about, Runnable checkForUpdates, Runnable installFromFile,
            Runnable saveDiagnostics) {
    }

    /** @param events told about loads, blocked navigations and window requests (the automation driver's record) */
    MainWindow(Stage stage, Image icon, ExternalOpener opener, ShellEvents events, Path appData, MenuActions actions) {
        this.stage = stage;
        this.opener = opener;
        this.events = events;
        this.geometryFile = WindowGeometry.file(appData, JavaFxShell.SHELL);
        stage.setTitle(JavaFxShell.APP_NAME);
        stage.getIcons().add(icon);
        stage.setMinWidth(WindowGeometry.MIN_WIDTH);
        stage.setMinHeight(WindowGeometry.MIN_HEIGHT);
        WindowGeometry g = WindowGeometry.load(geometryFile).orElse(WindowGeometry.DEFAULT);
        stage.setWidth(g.width());
        stage.setHeight(g.height());
        if (!Double.isNaN(g.x())) {
            stage.setX(g.x());
            stage.setY(g.y());
        }
        stage.setMaximized(g.maximized());

        MenuItem openData = item(MenuAction.OPEN_APP_DATA, "Open App Data Folder", () -> opener.open(appData.toUri().toString()));
        MenuItem quit = item(MenuAction.QUIT, "Quit", actions.quit());
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        MenuItem installFromFile = item(MenuAction.INSTALL_UPDATE_FROM_FILE, "Install Update from File…", actions.installFromFile());
        Menu file = new Menu("File", null, openData, installFromFile, new SeparatorMenuItem(), quit);
        MenuItem checkForUpdates = item(MenuAction.CHECK_FOR_UPDATES, "Check for Updates…", actions.checkForUpdates());
        MenuItem about = item(MenuAction.ABOUT, "About " + JavaFxShell.APP_NAME, actions.about());
        MenuItem saveDiagnostics = item(MenuAction.SAVE_DIAGNOSTICS, "Save Diagnostics…", actions.saveDiagnostics());
        Menu help = new Menu("Help", null, checkForUpdates, saveDiagnostics, new SeparatorMenuItem(), about);
        MenuBar menus = new MenuBar(file, help);
        menus.setUseSystemMenuBar(Os.current() == Os.MACOS);

        webView.setContextMenuEnabled(false);
        Scene scene = new Scene(new BorderPane(webView, menus, null, null, null));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            actions.quit().run();
        });
    }

    private MenuItem item(MenuAction id, String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> action.run());
        menuItems.put(id, item);
        return item;
    }

    /** The menu item with this id, as the menu bar holds it (the automation driver fires it). */
    MenuItem menuItem(MenuAction id) {
        return menuItems.get(id);
    }

    /** Shows the backend's pages; calls {@code onFirstPage} when a backend page (after sign-in) has loaded. */
    void open(BackendSession session, String startPage, Consumer<String> onFirstPage, Consumer<String> onLoadFailed) {
        policy = new NavigationPolicy(session.origin());
        LocalRequestGuard.install(policy);
        WebEngine engine = webView.getEngine();
        guard(engine);
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            String location = engine.getLocation();
            boolean allowed = policy.decide(location) == NavigationPolicy.Decision.STAY;
            if (state == Worker.State.SUCCEEDED && allowed) {
                lastGoodUrl = location;
                JSObject window = (JSObject) engine.executeScript("window");
                window.setMember("desktopShell", bridge);
                engine.executeScript(GUARD_SCRIPT);
                // WebView keeps the HTTP status to itself: no engine call tells it (shell-common README, automation).
                events.pageLoaded(location, null);
                if (!location.contains("/desktop-auth/")) {
                    onFirstPage.accept(location);
                }
            } else if (state == Worker.State.SUCCEEDED) {
                // WebKit can finish a refused navigation (the guard's proxy answered nothing: an empty document)
                // before the guard's cancel runs; the guard then shows the last good page. It was never this page.
                events.pageFailed(location, "blocked");
            } else if (state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                Throwable why = engine.getLoadWorker().getException();
                events.pageFailed(location, state == Worker.State.CANCELLED ? "cancelled" : String.valueOf(why));
                if (state == Worker.State.FAILED) {
                    onLoadFailed.accept(location);
                }
            }
        });
        engine.load(session.bootstrapUrl(startPage));
        stage.show();
    }

    WebEngine engine() {
        return webView.getEngine();
    }

    Stage stage() {
        return stage;
    }

    void focus() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    void saveGeometry() {
        try {
            new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())
                    .save(geometryFile);
        } catch (IOException e) {
            System.err.println("desktop-java-starter: cannot save the window size: " + e.getMessage());
        }
    }

    /** Called by page JavaScript (public for WebKit's reflection); applies the policy. */
    public final class Bridge {
        public void navigate(String url) {
            switch (policy.decide(url)) {
                case STAY -> Platform.runLater(() -> webView.getEngine().load(url));
                case OPEN_EXTERNALLY -> opener.open(url);
                case BLOCK -> blocked(url);
            }
        }

        /** {@code window.open} or a {@code target=_blank} link: never a second window; the URL is navigated to. */
        public void openWindow(String url) {
            events.windowOpenRequested(url);
            navigate(url);
        }
    }

    private void blocked(String url) {
        System.err.println("desktop-java-starter: blocked navigation to " + url);
        events.navigationBlocked(url);
    }

    /**
     * The backstop for navigations the page script did not catch (script-set locations, forms):
     * anything but the backend origin is cancelled and the last good page restored; web and mail
     * URLs also go to the OS. Pop-ups get a throw-away engine that is never shown.
     */
    private void guard(WebEngine engine) {
        engine.locationProperty().addListener((obs, old, url) -> {
            NavigationPolicy.Decision decision = policy.decide(url);
            if (decision == NavigationPolicy.Decision.STAY) {
                return;
            }
            Platform.runLater(() -> {
                engine.getLoadWorker().cancel();
                if (lastGoodUrl != null) {
                    engine.load(lastGoodUrl);
                }
            });
            if (decision == NavigationPolicy.Decision.OPEN_EXTERNALLY) {
                opener.open(url);
            } else {
                blocked(url);
            }
        });
        engine.setCreatePopupHandler(features -> {
            WebEngine sink = new WebEngine();
            sink.locationProperty().addListener((obs, old, url) -> {
                if (url != null && !url.isBlank()) {
                    events.windowOpenRequested(url);
                    switch (policy.decide(url)) {
                        case OPEN_EXTERNALLY -> opener.open(url);
                        case STAY -> engine.load(url); // a same-origin target=_blank opens in the one window
                        case BLOCK -> events.navigationBlocked(url);
                    }
                }
                Platform.runLater(() -> sink.getLoadWorker().cancel());
            });
            return sink;
        });
    }

}
