package io.desktopstarter.shell.swing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.desktopstarter.shell.common.automation.AutomationTarget;
import io.desktopstarter.shell.common.automation.MenuAction;
import io.desktopstarter.shell.swing.chromium.BrowserView;
import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;

/**
 * The automation driver's hold on the Swing window and its Chromium: scripts through the DevTools
 * protocol's {@code Runtime.evaluate} (JCEF's {@code executeJavaScript} returns nothing), the HTTP status from
 * Chromium's load events, the screenshot with {@link Robot} over the window's contents on screen (the windowed
 * browser draws natively, so Swing's own paint would show an empty rectangle where the page is).
 */
final class SwingAutomation implements AutomationTarget {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MainWindow window;
    private final BrowserView view;

    SwingAutomation(MainWindow window, BrowserView view) {
        this.window = window;
        this.view = view;
    }

    @Override
    public void navigate(String url) {
        view.load(url);
    }

    @Override
    public CompletableFuture<String> evaluate(String expression) {
        String params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true).toString();
        return view.evaluate(params).thenApply(SwingAutomation::stringValue);
    }

    /** The string a {@code Runtime.evaluate} answer carries, or what the engine said went wrong. */
    private static String stringValue(String answer) {
        JsonNode node;
        try {
            node = JSON.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode exception = node.get("exceptionDetails");
        if (exception != null) {
            throw new ScriptException(exception.path("exception").path("description").asText(exception.path("text").asText()));
        }
        JsonNode result = node.path("result");
        if (!"string".equals(result.path("type").asText())) {
            throw new ScriptException("the script's value is a " + result.path("type").asText() + ", not a string");
        }
        return result.path("value").asText();
    }

    @Override
    public CompletableFuture<Boolean> loading() {
        return CompletableFuture.completedFuture(view.loading());
    }

    @Override
    public CompletableFuture<Page> page() {
        return CompletableFuture.completedFuture(new Page(view.url(), view.title()));
    }

    @Override
    public CompletableFuture<Pixels> screenshot() {
        CompletableFuture<Rectangle> bounds = new CompletableFuture<>();
        SwingUtilities.invokeLater(() -> {
            JRootPane root = window.frame().getRootPane();
            bounds.complete(new Rectangle(root.getLocationOnScreen(), root.getSize()));
        });
        // Off the EDT: the capture waits for the X server, and the window must be free to paint meanwhile.
        return bounds.thenApplyAsync(area -> {
            try {
                BufferedImage image = new Robot().createScreenCapture(area);
                int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                return new Pixels(image.getWidth(), image.getHeight(), argb);
            } catch (AWTException e) {
                throw new IllegalStateException("cannot read the screen: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public CompletableFuture<Void> menu(MenuAction action) {
        CompletableFuture<Void> handed = new CompletableFuture<>();
        SwingUtilities.invokeLater(() -> {
            handed.complete(null); // before clicking: About and the update dialogs wait for the user
            window.menuItem(action).doClick(0);
        });
        return handed;
    }
}
