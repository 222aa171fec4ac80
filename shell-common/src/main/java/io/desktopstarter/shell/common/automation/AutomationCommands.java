package io.desktopstarter.shell.common.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.desktopstarter.foundation.files.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;

/**
 * Carries out one request against the main window, written once for both shells. Loads and clicks
 * wait for the engine's load-end event ({@link EventLog#nextLoadEnd()}), never for a time.
 */
final class AutomationCommands {
    private static final Duration SETTLE_POLL = Duration.ofMillis(250);

    private final CompletableFuture<Automation.Window> target;
    private final EventLog events;
    private final Duration timeout;
    private final ObjectMapper json;

    AutomationCommands(CompletableFuture<Automation.Window> target, EventLog events, Duration timeout, ObjectMapper json) {
        this.target = target;
        this.events = events;
        this.timeout = timeout;
        this.json = json;
    }

    AutomationResult run(AutomationRequest request) throws AutomationFailure {
        return switch (request) {
            case AutomationRequest.Load load -> load(load.path());
            case AutomationRequest.Click click -> click(click.selector());
            case AutomationRequest.Eval eval -> new AutomationResult.Evaluated(evaluate(target(), AutomationScripts.evaluating(eval.script())));
            case AutomationRequest.State ignored -> state();
            case AutomationRequest.Screenshot shot -> screenshot(shot);
            case AutomationRequest.Menu menu -> menu(menu.action());
            case AutomationRequest.Events ignored -> new AutomationResult.Events(events.all());
        };
    }

    private AutomationResult load(String path) throws AutomationFailure {
        AutomationTarget t = settled();
        CompletableFuture<ShellEvent> end = events.nextLoadEnd();
        t.navigate(await(target, "the main window to open").origin() + path);
        return switch (await(end, "the load of " + path + " to end")) {
            case ShellEvent.PageLoaded loaded -> new AutomationResult.Loaded(loaded.url(), loaded.status());
            case ShellEvent.PageFailed failed -> throw new AutomationFailure(null, AutomationFailure.LOAD_FAILED,
                    failed.url() + ": " + failed.detail());
            default -> throw new IllegalStateException("not a load end: " + end);
        };
    }

    private AutomationResult click(String selector) throws AutomationFailure {
        AutomationTarget t = settled();
        CompletableFuture<ShellEvent> end = events.nextLoadEnd();
        boolean leaving = Boolean.parseBoolean(evaluate(t, AutomationScripts.clicking(selector, json)));
        // The JavaFX guard hands a same-origin target=_blank to the engine on the next UI turn: loading() sees that.
        if (!leaving && !await(t.loading(), "the load state after the click")) {
            return new AutomationResult.Clicked(false, null, null);
        }
        return switch (await(end, "the load the click started to end")) {
            case ShellEvent.PageLoaded loaded -> new AutomationResult.Clicked(true, loaded.url(), loaded.status());
            default -> new AutomationResult.Clicked(false, null, null); // cancelled: see events (blocked, opened externally)
        };
    }

    private AutomationResult state() throws AutomationFailure {
        AutomationTarget.Page page = await(target().page(), "the page's URL and title");
        return new AutomationResult.State(page.url(), page.title(), events.lastStatus());
    }

    private AutomationResult screenshot(AutomationRequest.Screenshot shot) throws AutomationFailure {
        AutomationTarget.Pixels pixels = await(target().screenshot(), "the window's pixels");
        BufferedImage image = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, pixels.width(), pixels.height(), pixels.argb(), 0, pixels.width());
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            AtomicFiles.write(shot.file(), png.toByteArray(), false);
        } catch (IOException e) {
            throw new AutomationFailure(null, AutomationFailure.FAILED, "cannot write " + shot.file() + ": " + e.getMessage());
        }
        return new AutomationResult.Screenshot(shot.file().toString(), pixels.width(), pixels.height());
    }

    private AutomationResult menu(String id) throws AutomationFailure {
        MenuAction action = MenuAction.byId(id).orElseThrow(() -> new AutomationFailure(null,
                AutomationFailure.UNKNOWN_MENU_ACTION, "no menu item '" + id + "'; the menu actions are " + MenuAction.ids()));
        await(target().menu(action), "the menu item " + id);
        return new AutomationResult.MenuTriggered(action.id());
    }

    /** The value of an {@link AutomationScripts} expression, or the script's error. */
    private String evaluate(AutomationTarget t, String expression) throws AutomationFailure {
        String raw = await(t.evaluate(expression), "the script's result");
        JsonNode answer;
        try {
            answer = json.readTree(raw);
        } catch (IOException e) {
            throw new AutomationFailure(null, AutomationFailure.FAILED, "the engine answered " + raw);
        }
        if (!answer.path("ok").asBoolean()) {
            throw new AutomationFailure(null, AutomationFailure.SCRIPT_ERROR, answer.path("error").asText("the script failed"));
        }
        JsonNode value = answer.get("value");
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The main window, once no load is under way in it (a command acts on a page, not on one half-loaded). */
    private AutomationTarget settled() throws AutomationFailure {
        AutomationTarget t = target();
        CompletableFuture<ShellEvent> end = events.nextLoadEnd();
        if (await(t.loading(), "the load state")) {
            awaitSettled(t, end);
        }
        return t;
    }

    /**
     * The load under way ends with its load-end event, or (Chromium) the engine stops saying it loads without one:
     * once its 404 page had loaded, CEF went on reporting a load for the next command, and no event came.
     */
    private void awaitSettled(AutomationTarget t, CompletableFuture<ShellEvent> end) throws AutomationFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                end.get(SETTLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (!await(t.loading(), "the load state")) {
                    return;
                }
            } catch (ExecutionException e) {
                return; // the next command reports a broken window itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AutomationFailure(null, AutomationFailure.FAILED, "interrupted while waiting for the load under way");
            }
        }
        throw new AutomationFailure(null, AutomationFailure.TIMEOUT, "waited " + timeout.toSeconds()
                + " s for the load under way to end");
    }

    private AutomationTarget target() throws AutomationFailure {
        return await(target, "the main window to open").target();
    }

    private <T> T await(CompletableFuture<T> future, String what) throws AutomationFailure {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AutomationFailure(null, AutomationFailure.TIMEOUT, "waited " + timeout.toSeconds() + " s for " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AutomationTarget.ScriptException script) {
                throw new AutomationFailure(null, AutomationFailure.SCRIPT_ERROR, script.getMessage());
            }
            throw new AutomationFailure(null, AutomationFailure.FAILED, what + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AutomationFailure(null, AutomationFailure.FAILED, "interrupted while waiting for " + what);
        }
    }
}
