package io.desktopstarter.shell.common.automation;

import java.util.concurrent.CompletableFuture;

/**
 * The toolkit's part of the driver: the main window of one shell. Methods may be called on any
 * thread; each hops to the UI thread (or the browser's) itself and completes its future there.
 */
public interface AutomationTarget {
    /** Starts loading {@code url} in the main window; its end is reported through {@link ShellEvents}. */
    void navigate(String url);

    /**
     * Evaluates a JavaScript expression in the main frame whose value is a string; completes with that
     * string, or exceptionally with {@link ScriptException} when the engine reports an error.
     */
    CompletableFuture<String> evaluate(String expression);

    /** Whether the main frame is loading a document now, asked after the UI work queued so far has run. */
    CompletableFuture<Boolean> loading();

    /** The main frame's URL and title as the engine reports them. */
    CompletableFuture<Page> page();

    /** The window's contents as shown (menu bar and page). */
    CompletableFuture<Pixels> screenshot();

    /** Triggers the menu item as a click on it would; completes once it has been handed to the UI thread. */
    CompletableFuture<Void> menu(MenuAction action);

    record Page(String url, String title) {
    }

    /** An image: {@code argb} row by row, {@code width * height} pixels. */
    record Pixels(int width, int height, int[] argb) {
        public Pixels {
            if (width <= 0 || height <= 0 || argb.length != width * height) {
                throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + width * height
                        + " pixels, got " + argb.length);
            }
        }
    }

    /** The engine could not run a script (syntax error, exception). */
    final class ScriptException extends RuntimeException {
        public ScriptException(String message) {
            super(message);
        }
    }
}
