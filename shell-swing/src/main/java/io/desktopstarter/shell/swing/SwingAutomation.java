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
import java.util.concurrent.TimeUnit;
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

    private static final String PROBE = JSON.createObjectNode().put("expression", "1").put("returnByValue", true).toString();

    private final MainWindow window;
    private final BrowserView view;
    /** The DevTools client answers once it is attached; until then a method call can go unanswered. */
    private volatile CompletableFuture<Void> devToolsReady;

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
        // The driver stands in for the user: without a gesture Chromium's pop-up blocker drops window.open before the
        // shell's onBeforePopup sees it, which WebKit in the JavaFX shell does not do.
        String params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("userGesture", true).toString();
        return devToolsReady().thenCompose(ready -> {
            CompletableFuture<String> answer = new CompletableFuture<>();
            evaluate(params, answer, 3);
            return answer;
        }).thenApply(SwingAutomation::stringValue);
    }

    /** The first evaluation waits for a harmless probe ({@code 1}) to be answered, sent again every 2 s. */
    private CompletableFuture<Void> devToolsReady() {
        CompletableFuture<Void> ready = devToolsReady;
        if (ready == null) {
            synchronized (this) {
                if (devToolsReady == null) {
                    devToolsReady = new CompletableFuture<>();
                    probe(devToolsReady, 15);
                }
                ready = devToolsReady;
            }
        }
        return ready;
    }

    private void probe(CompletableFuture<Void> ready, int attemptsLeft) {
        view.evaluate(PROBE).thenRun(() -> ready.complete(null));
        CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(() -> {
            if (!ready.isDone()) {
                if (attemptsLeft > 1) {
                    probe(ready, attemptsLeft - 1);
                } else {
                    ready.completeExceptionally(new IllegalStateException("Chromium's DevTools client did not answer"));
                }
            }
        });
    }

    /**
     * Chromium drops a {@code Runtime.evaluate} whose document is replaced before it answers (a navigation the page
     * was already starting): after 5 s without an answer, if a new main-frame document began to load meanwhile, the
     * script is sent again, to the page that is there now; the first answer that arrives wins.
     */
    private void evaluate(String params, CompletableFuture<String> answer, int attemptsLeft) {
        long loads = view.mainFrameLoads();
        view.evaluate(params).whenComplete((value, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(value);
            }
        });
        if (attemptsLeft > 1) {
            CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(() -> {
                if (!answer.isDone() && view.mainFrameLoads() != loads) {
                    evaluate(params, answer, attemptsLeft - 1);
                }
            });
        }
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
