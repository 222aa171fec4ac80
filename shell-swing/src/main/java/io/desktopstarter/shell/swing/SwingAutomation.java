package io.desktopstarter.shell.swing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.desktopstarter.shell.common.automation.AutomationTarget;
import io.desktopstarter.shell.common.automation.MenuAction;
import io.desktopstarter.shell.swing.chromium.BrowserView;
import io.desktopstarter.shell.swing.chromium.PageScripts;
import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;

/**
 * The automation driver's hold on the Swing window and its Chromium: scripts through the DevTools
 * protocol's {@code Runtime.evaluate} with their answers through {@link PageScripts}, the HTTP status from
 * Chromium's load events, the screenshot with {@link Robot} over the window's contents on screen (the windowed
 * browser draws natively, so Swing's own paint would show an empty rectangle where the page is).
 */
final class SwingAutomation implements AutomationTarget {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PROBE = JSON.createObjectNode().put("expression", "1").put("returnByValue", true).toString();

    /** Seconds without an answer before a script is sent again, and how often at most (the driver waits 30 s). */
    private static final int RESEND_SECONDS = 3;
    private static final int MAX_SENDS = 10;

    private final MainWindow window;
    private final BrowserView view;
    private final PageScripts scripts;
    /** The DevTools client answers once it is attached; until then a method call can go unanswered. */
    private volatile CompletableFuture<Void> devToolsReady;

    SwingAutomation(MainWindow window, BrowserView view) {
        this.window = window;
        this.view = view;
        this.scripts = view.scripts().orElseThrow(() -> new IllegalStateException("the page answers no scripts"));
    }

    @Override
    public void navigate(String url) {
        view.load(url);
    }

    @Override
    public CompletableFuture<String> evaluate(String expression) {
        PageScripts.Script script = scripts.prepare(expression);
        // The driver stands in for the user: without a gesture Chromium's pop-up blocker drops window.open before the
        // shell's onBeforePopup sees it, which WebKit in the JavaFX shell does not do.
        String params = JSON.createObjectNode().put("expression", script.wrapped()).put("returnByValue", true)
                .put("userGesture", true).toString();
        devToolsReady().whenComplete((ready, failure) -> {
            if (failure != null) {
                script.answer().completeExceptionally(failure);
            } else {
                send(params, script.wrapped(), script.answer(), 0);
            }
        });
        return script.answer();
    }

    /**
     * Sends the script through DevTools, which gives it a user gesture and reports syntax errors. A
     * {@code Runtime.evaluate} sent while a navigation replaces the document can go unanswered and unrun; after
     * {@link #RESEND_SECONDS} without an answer the script is sent again, every other time through
     * {@code executeJavaScript}, which always reaches the document that is there now. The wrapper runs it at most
     * once per document, and the answer comes back through the page's message router whichever way it was sent.
     */
    private void send(String params, String wrapped, CompletableFuture<String> answer, int attempt) {
        if (attempt % 2 == 0) {
            view.evaluate(params).handle((raw, failure) -> {
                try {
                    if (failure != null) {
                        answer.completeExceptionally(failure);
                    } else {
                        devToolsAnswer(raw).ifPresent(answer::complete);
                    }
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
                return null;
            });
        } else {
            view.execute(wrapped);
        }
        if (attempt + 1 < MAX_SENDS) {
            CompletableFuture.delayedExecutor(RESEND_SECONDS, TimeUnit.SECONDS).execute(() -> {
                if (!answer.isDone()) {
                    send(params, wrapped, answer, attempt + 1);
                }
            });
        } else {
            // Ends the wait, so PageScripts forgets the script's id (a no-op when the answer came).
            CompletableFuture.delayedExecutor(RESEND_SECONDS, TimeUnit.SECONDS).execute(() -> answer.completeExceptionally(
                    new IllegalStateException("the page did not answer the script within " + MAX_SENDS * RESEND_SECONDS + " s")));
        }
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
     * The wrapper's value from a {@code Runtime.evaluate} answer: present when it ran there, empty when it had run
     * already (its answer came through the router); an error the engine reported (a syntax error) fails.
     */
    private static Optional<String> devToolsAnswer(String raw) {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode exception = node.get("exceptionDetails");
        if (exception != null) {
            throw new ScriptException(exception.path("exception").path("description").asText(exception.path("text").asText()));
        }
        JsonNode result = node.path("result");
        return "string".equals(result.path("type").asText()) ? Optional.of(result.path("value").asText()) : Optional.empty();
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
