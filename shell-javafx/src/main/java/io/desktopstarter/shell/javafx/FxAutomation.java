package io.desktopstarter.shell.javafx;

import io.desktopstarter.shell.common.automation.AutomationTarget;
import io.desktopstarter.shell.common.automation.MenuAction;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import netscape.javascript.JSException;

/** The automation driver's hold on the JavaFX main window: everything on the FX thread, through futures. */
final class FxAutomation implements AutomationTarget {
    private final MainWindow window;

    FxAutomation(MainWindow window) {
        this.window = window;
    }

    @Override
    public void navigate(String url) {
        Platform.runLater(() -> window.engine().load(url));
    }

    @Override
    public CompletableFuture<String> evaluate(String expression) {
        return onFx(() -> {
            try {
                return String.valueOf(window.engine().executeScript(expression));
            } catch (JSException e) {
                throw new ScriptException(e.getMessage());
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> loading() {
        return onFx(() -> window.engine().getLoadWorker().isRunning());
    }

    @Override
    public CompletableFuture<Page> page() {
        return onFx(() -> new Page(window.engine().getLocation(), window.engine().getTitle()));
    }

    /** The scene as JavaFX renders it (menu bar and WebView); works headless with the software renderer. */
    @Override
    public CompletableFuture<Pixels> screenshot() {
        return onFx(() -> {
            WritableImage image = window.stage().getScene().snapshot(null);
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] argb = new int[width * height];
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
            return new Pixels(width, height, argb);
        });
    }

    @Override
    public CompletableFuture<Void> menu(MenuAction action) {
        CompletableFuture<Void> handed = new CompletableFuture<>();
        Platform.runLater(() -> {
            handed.complete(null); // before firing: About and the update dialogs wait for the user
            window.menuItem(action).fire();
        });
        return handed;
    }

    private static <T> CompletableFuture<T> onFx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
