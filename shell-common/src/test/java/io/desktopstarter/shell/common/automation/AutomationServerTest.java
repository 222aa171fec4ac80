package io.desktopstarter.shell.common.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol and the socket, against a window that answers from memory. */
class AutomationServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    Path appData;
    Automation automation;
    FakeWindow window;
    AutomationClient client;

    @BeforeEach
    void start() throws Exception {
        appData = temp.resolve("app-data");
        automation = Automation.start(appData, Duration.ofSeconds(2));
        window = new FakeWindow(automation.events());
        automation.attach("http://127.0.0.1:4711", window);
        client = AutomationClient.connect(appData, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        automation.close();
    }

    @Test
    void theSocketIsOwnerOnlyInAPrivateFolderAndGoesOnClose() throws Exception {
        Path socket = appData.resolve("automation.sock");
        assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(appData)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

        automation.close();

        assertThat(socket).doesNotExist();
    }

    @Test
    void badJsonUnknownCommandsAndMissingFieldsGetClearErrorsAndTheConnectionStays() throws Exception {
        assertError(client.send("load /items/"), "bad-json", "not a JSON object");
        assertError(client.send("[1,2]"), "bad-json", "one JSON object");
        assertError(client.send("{\"id\":4,\"command\":\"fly\"}"), "unknown-command",
                "unknown command 'fly'; the commands are load, click, eval, state, screenshot, menu, events");
        assertError(client.send("{\"command\":\"load\"}"), "bad-request", "'path' must be a non-empty string");
        assertError(client.send("{\"command\":\"load\",\"path\":\"//evil.example/\"}"), "bad-request", "local path");
        assertError(client.send("{\"command\":\"screenshot\",\"file\":\"shot.png\"}"), "bad-request", "absolute path");
        assertError(client.send("{\"command\":\"menu\",\"action\":\"self-destruct\"}"), "unknown-menu-action",
                "open-app-data, install-update-from-file, quit, check-for-updates, save-diagnostics, about");

        assertThat(JSON.readTree(client.send("{\"id\":\"x\",\"command\":\"state\"}")).get("id").asText()).isEqualTo("x");
        assertThat(JSON.readTree(client.send("{\"id\":4,\"command\":\"fly\"}")).get("id").asInt()).isEqualTo(4);
    }

    @Test
    void aLineOverTheLimitIsRefused() throws Exception {
        String huge = "{\"command\":\"eval\",\"script\":\"" + "x".repeat(AutomationServer.MAX_LINE) + "\"}";
        assertError(client.send(huge), "bad-request", "at most");
    }

    @Test
    void loadWaitsForTheLoadEventAndStateReportsItsStatus() throws Exception {
        AutomationResult.Loaded loaded = client.load("/tasks/");

        assertThat(loaded).isEqualTo(new AutomationResult.Loaded("http://127.0.0.1:4711/tasks/", 200));
        assertThat(client.state()).isEqualTo(new AutomationResult.State("http://127.0.0.1:4711/tasks/", "Tasks", 200));
        assertThat(client.events().events()).singleElement().isInstanceOfSatisfying(ShellEvent.PageLoaded.class,
                e -> assertThat(e.url()).isEqualTo("http://127.0.0.1:4711/tasks/"));
    }

    /** Chromium once kept saying it was loading after its 404 page had loaded, and sent no further load event. */
    @Test
    void aLoadWaitsForTheLoadUnderWayEvenWhenItEndsWithoutAnEvent() throws Exception {
        window.loading = true;
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            window.loading = false;
        });

        assertThat(client.load("/items/").url()).isEqualTo("http://127.0.0.1:4711/items/");
        assertThat(window.navigatedWhileLoading).as("navigated only once the engine stopped loading").isFalse();
    }

    @Test
    void aLoadUnderWayThatNeverEndsIsATimeout() {
        window.loading = true;

        assertThatThrownBy(() -> client.load("/items/")).isInstanceOf(AutomationFailure.class)
                .hasMessageContaining("waited 2 s for the load under way to end");
        assertThat(window.navigatedWhileLoading).isFalse();
    }

    @Test
    void aFailedLoadIsAnError() {
        window.failNextLoad = true;
        assertThatThrownBy(() -> client.load("/gone/")).isInstanceOfSatisfying(AutomationFailure.class,
                e -> assertThat(e.code()).isEqualTo("load-failed"));
    }

    @Test
    void evalWrapsTheExpressionWithoutEvalAndReturnsItsValue() throws Exception {
        window.answer = "{\"ok\":true,\"value\":\"My Ponies\"}";
        assertThat(client.eval("document.title")).isEqualTo("My Ponies");
        assertThat(window.scripts.getLast()).contains("\ndocument.title\n").doesNotContain("eval(");

        window.answer = "{\"ok\":true,\"value\":null}";
        assertThat(client.eval("undefined")).isNull();

        window.answer = "{\"ok\":false,\"error\":\"ReferenceError: nope is not defined\"}";
        assertThatThrownBy(() -> client.eval("nope")).isInstanceOfSatisfying(AutomationFailure.class, e -> {
            assertThat(e.code()).isEqualTo("script-error");
            assertThat(e.getMessage()).contains("ReferenceError");
        });
    }

    @Test
    void clickWithoutNavigationReturnsAtOnceAndASelectorIsPassedAsAStringLiteral() throws Exception {
        window.answer = "{\"ok\":true,\"value\":\"false\"}";

        assertThat(client.click("a[href=\"/tasks/\"]')")).isEqualTo(new AutomationResult.Clicked(false, null, null));
        assertThat(window.scripts.getLast()).contains("(\"a[href=\\\"/tasks/\\\"]')\")");
    }

    @Test
    void clickThatNavigatesWaitsForTheLoad() throws Exception {
        window.answer = "{\"ok\":true,\"value\":\"true\"}";
        window.loadAfterScript = "http://127.0.0.1:4711/about/";

        assertThat(client.click("#about")).isEqualTo(new AutomationResult.Clicked(true, "http://127.0.0.1:4711/about/", 200));
    }

    @Test
    void screenshotWritesAPngOfThePixels() throws Exception {
        Path png = temp.resolve("shots/window.png");

        AutomationResult.Screenshot shot = client.screenshot(png);

        assertThat(shot).isEqualTo(new AutomationResult.Screenshot(png.toString(), 4, 2));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(4);
        assertThat(image.getRGB(3, 1)).isEqualTo(0xff00ff00);
    }

    @Test
    void menuTriggersTheItemByItsId() throws Exception {
        assertThat(client.menu("about").action()).isEqualTo("about");
        assertThat(window.menus).containsExactly(MenuAction.ABOUT);
    }

    @Test
    void eventsKeepWhatTheShellReportedInOrder() throws Exception {
        automation.events().recording(url -> { }).open("https://example.org/");
        automation.events().navigationBlocked("file:///etc/passwd");
        automation.events().windowOpenRequested("https://example.org/popup");

        assertThat(client.events().events()).extracting(ShellEvent::getClass, ShellEvent::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ShellEvent.OpenedExternally.class, "https://example.org/"),
                org.assertj.core.groups.Tuple.tuple(ShellEvent.NavigationBlocked.class, "file:///etc/passwd"),
                org.assertj.core.groups.Tuple.tuple(ShellEvent.WindowOpenRequested.class, "https://example.org/popup"));
        assertThat(client.send("{\"command\":\"events\"}")).contains("\"type\":\"opened-externally\"");
    }

    @Test
    void withoutAWindowACommandTimesOutWithAClearError(@TempDir Path other) throws Exception {
        try (Automation noWindow = Automation.start(other.resolve("d"), Duration.ofMillis(200));
                AutomationClient c = AutomationClient.connect(other.resolve("d"), Duration.ofSeconds(10))) {
            assertError(c.send("{\"command\":\"state\"}"), "timeout", "the main window to open");
        }
    }

    private static void assertError(String response, String code, String message) throws Exception {
        JsonNode node = JSON.readTree(response);
        assertThat(node.get("ok").asBoolean()).as(response).isFalse();
        assertThat(node.get("error").asText()).as(response).isEqualTo(code);
        assertThat(node.get("message").asText()).as(response).contains(message);
    }

    /** A main window in memory: loads end at once (on another thread, as an engine's do). */
    static final class FakeWindow implements AutomationTarget {
        final ShellEvents events;
        final List<String> scripts = new CopyOnWriteArrayList<>();
        final List<MenuAction> menus = new CopyOnWriteArrayList<>();
        volatile String answer = "{\"ok\":true,\"value\":null}";
        volatile String loadAfterScript;
        volatile boolean failNextLoad;
        volatile boolean loading;
        volatile boolean navigatedWhileLoading;
        volatile String url = "about:blank";

        FakeWindow(ShellEvents events) {
            this.events = events;
        }

        @Override
        public void navigate(String target) {
            navigatedWhileLoading |= loading;
            Thread.ofVirtual().start(() -> {
                if (failNextLoad) {
                    events.pageFailed(target, "connection refused");
                } else {
                    url = target;
                    events.pageLoaded(target, 200);
                }
            });
        }

        @Override
        public CompletableFuture<String> evaluate(String expression) {
            scripts.add(expression);
            if (loadAfterScript != null) {
                navigate(loadAfterScript);
            }
            return CompletableFuture.completedFuture(answer);
        }

        @Override
        public CompletableFuture<Boolean> loading() {
            return CompletableFuture.completedFuture(loading);
        }

        @Override
        public CompletableFuture<Page> page() {
            return CompletableFuture.completedFuture(new Page(url, url.endsWith("/tasks/") ? "Tasks" : ""));
        }

        @Override
        public CompletableFuture<Pixels> screenshot() {
            int[] argb = new int[8];
            argb[7] = 0xff00ff00;
            return CompletableFuture.completedFuture(new Pixels(4, 2, argb));
        }

        @Override
        public CompletableFuture<Void> menu(MenuAction action) {
            menus.add(action);
            return CompletableFuture.completedFuture(null);
        }
    }
}
