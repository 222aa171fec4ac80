package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.automation.AutomationResult;
import io.desktopstarter.shell.common.automation.ShellEvent;
import io.desktopstarter.testsupport.Eventually;
import io.desktopstarter.testsupport.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One suite, both shells: the packaged portable app of each (N's tar.gz), unpacked for a user, started from its
 * launcher on its own Xvfb with the real staged backend, and driven through the automation driver. Each case runs
 * against both shells in turn; one app per shell lives through the cases, and the last one quits it with SIGTERM.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(ConformanceLog.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShellConformanceIT {
    static Releases releases;
    static final Map<String, RunningShell> RUNNING = new ConcurrentHashMap<>();
    static final Map<String, XServer> DISPLAYS = new ConcurrentHashMap<>();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void build() throws Exception {
        Required.tool("Xvfb", "xvfb");
        Required.tool("xdotool", "xdotool");
        Files.deleteIfExists(ConformanceLog.file());
        releases = Releases.get();
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (RunningShell shell : RUNNING.values()) {
            shell.close();
        }
        for (XServer x : DISPLAYS.values()) {
            x.close();
        }
    }

    /** The shell's app, started for the first case that needs it. */
    static RunningShell app(String shell) throws Exception {
        RunningShell running = RUNNING.get(shell);
        if (running == null) {
            User user = User.installing(tmp.resolve(shell + "-home"), releases.portable(shell), shell);
            XServer x = XServer.start();
            DISPLAYS.put(shell, x);
            running = RunningShell.start(shell, user, x);
            RUNNING.put(shell, running);
        }
        return running;
    }

    @Order(1)
    @BothShells
    void theFirstPageLoadsSignedIn(String shell) throws Exception {
        RunningShell app = app(shell);

        AutomationResult.State state = app.driver.state();

        assertThat(state.url()).as("the start page, without the session token in it").endsWith("/items/")
                .doesNotContain("token");
        assertThat(state.title()).isEqualTo("My Ponies · Desktop Java Starter");
        assertThat(app.driver.eval("document.querySelector('h1').textContent")).isEqualTo("My Ponies");
    }

    @Order(2)
    @BothShells
    void aFormPostWithItsCsrfTokenCreatesAPony(String shell) throws Exception {
        RunningShell app = app(shell);
        app.driver.load("/items/new/");
        String name = "Conformance " + shell;
        app.driver.eval("document.getElementById('name').value = '" + name + "'");

        AutomationResult.Clicked clicked = app.driver.click("button[type=submit]");

        assertThat(clicked.navigated()).isTrue();
        assertThat(clicked.url()).as("%s%n%s", app.driver.eval("document.body.innerText"), app.events()).doesNotContain("/new/");
        app.driver.load("/items/");
        assertThat(app.driver.eval("document.body.innerText.includes('" + name + "')")).isEqualTo("true");
    }

    @Order(3)
    @BothShells
    void aLinkToAnotherOriginOpensInTheSystemBrowserNotInTheWindow(String shell) throws Exception {
        RunningShell app = app(shell);
        app.driver.load("/about/");

        app.driver.eval("(() => { const a = document.createElement('a'); a.id = 'away'; a.href = 'https://example.org/conformance-"
                + shell + "'; a.textContent = 'away'; document.body.appendChild(a); return true; })()");
        app.driver.click("#away");

        app.awaitEvent(ShellEvent.OpenedExternally.class, "example.org/conformance-" + shell);
        assertThat(app.driver.state().url()).endsWith("/about/");
    }

    @Order(4)
    @BothShells
    void windowOpenNeverMakesASecondWindow(String shell) throws Exception {
        RunningShell app = app(shell);
        app.driver.load("/about/");

        Navigation popup = navigateByScript(app, "window.open('/items/?popup=" + shell + "')");

        app.awaitEvent(ShellEvent.WindowOpenRequested.class, "popup=" + shell);
        awaitLoaded(app, popup, "/items/?popup=" + shell); // a local pop-up opens in the one window (both shells, D-053)
        navigateByScript(app, "window.open('https://example.org/popup-" + shell + "')");
        app.awaitEvent(ShellEvent.OpenedExternally.class, "example.org/popup-" + shell);
        assertThat(app.driver.state().url()).endsWith("/items/?popup=" + shell);
        assertThat(windows(app).size()).as("the app's top-level windows").isEqualTo(1);
    }

    @Order(5)
    @BothShells
    void otherLoopbackPortsFileAndDataNavigationsAreRefused(String shell) throws Exception {
        RunningShell app = app(shell);
        // The positive control: the same kind of navigation to a page the shell allows does happen.
        app.driver.load("/about/");
        awaitLoaded(app, navigateByScript(app, "location.href = '/items/?control'"), "/items/?control");
        Path secret = Files.writeString(tmp.resolve(shell + "-secret.txt"), "not for the page");
        try (OtherLocalServer other = OtherLocalServer.start()) {
            for (String target : List.of(other.url("/steal"), secret.toUri().toString(), "data:text/html,conformance")) {
                app.driver.load("/about/");
                app.driver.eval("window.stayed = 'still here'");

                navigateByScript(app, "location.href = '" + target + "'");

                String how = awaitRefusal(app, target);
                awaitUrl(app, "/about/");
                // Chromium keeps the page; the JavaFX guard, which can only act once WebKit started the navigation,
                // shows the last page again (D-053): the report lists which.
                String page = "still here".equals(app.driver.eval("window.stayed")) ? "the page kept" : "the page shown again";
                System.out.println("[it] " + shell + " refused " + target.replaceAll(":\\d+/", ":<port>/") + ": " + how
                        + ", " + page);
            }
            assertThat(other.requests()).as("nothing reached the other local server").isEmpty();
        }
        assertThat(app.events()).as("none of them loaded").noneMatch(e -> e instanceof ShellEvent.PageLoaded loaded
                && (loaded.url().startsWith("file:") || loaded.url().startsWith("data:") || loaded.url().contains("/steal")));
    }

    @Order(6)
    @BothShells
    void anHttpErrorPageIsShownAsThePageTheBackendSent(String shell) throws Exception {
        RunningShell app = app(shell);

        AutomationResult.Loaded loaded = app.driver.load("/no-such-page/");

        assertThat(loaded.url()).endsWith("/no-such-page/");
        // WebKit in JavaFX sets the title a moment after the load ended; the title is what the user reads first.
        awaitValue(app, "document.title", "404 · Page not found · Desktop Java Starter");
        assertThat(app.driver.eval("document.querySelector('h1').textContent")).isEqualTo("Page not found");
        System.out.println("[it] " + shell + ": a 404 page loads with status " + loaded.status());
    }

    @Order(7)
    @BothShells
    void backAndForwardWalkTheHistory(String shell) throws Exception {
        RunningShell app = app(shell);
        app.driver.load("/about/");
        app.driver.load("/items/");

        awaitLoaded(app, navigateByScript(app, "history.back()"), "/about/");
        awaitLoaded(app, navigateByScript(app, "history.forward()"), "/items/");
    }

    @Order(8)
    @BothShells
    void aSecondLaunchHandsOffToTheFirstWindowAndExitsZero(String shell) throws Exception {
        RunningShell app = app(shell);

        Processes.Result second = Processes.run(app.user.home, RunningShell.environment(app.user, DISPLAYS.get(shell)),
                app.user.home.resolve("logs/second-launch.log"), Duration.ofMinutes(1), List.of(app.user.launcher().toString()));

        assertThat(second.output()).contains("already running");
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(app.process.isAlive()).isTrue();
    }

    @Order(9)
    @BothShells
    void sigtermQuitsWithExitZeroAndLeavesNoProcess(String shell) throws Exception {
        RunningShell app = app(shell);

        int exit = app.terminate();

        assertThat(exit).as(RunningShell.tail(app.log)).isZero();
    }

    /**
     * How {@code target} was refused: the shell's event for it, or, when none comes within 5 s, "by the engine" (WebKit
     * and Chromium refuse some navigations, e.g. {@code file:} from a web page, before a shell hears of them).
     */
    private static String awaitRefusal(RunningShell app, String target) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (ShellEvent e : app.events()) {
                if ((e instanceof ShellEvent.NavigationBlocked || e instanceof ShellEvent.PageFailed) && e.url() != null
                        && e.url().startsWith(target)) {
                    return "the shell recorded " + e.getClass().getSimpleName();
                }
            }
            Thread.sleep(100);
        }
        return "by the engine, before the shell saw it (no event)";
    }

    @Order(10)
    @BothShells
    void textSelectionCopyAndPasteWorkInForms(String shell) throws Exception {
        try (RunningShell app = startAgain(shell)) {
            app.driver.load("/items/new/");
            pointAt(app);

            String selected = app.driver.eval("(() => { const n = document.getElementById('name'); n.value = 'copy me';"
                    + " n.focus(); n.select(); return n.value.substring(n.selectionStart, n.selectionEnd); })()");
            assertThat(selected).isEqualTo("copy me");
            keys(app, "ctrl+c");
            app.driver.eval("document.getElementById('notes').focus() === undefined");
            keys(app, "ctrl+v");

            awaitValue(app, "document.getElementById('notes').value", "copy me");
            assertThat(app.terminate()).isZero();
        }
    }

    @Order(11)
    @BothShells
    void ctrlQQuitsCleanly(String shell) throws Exception {
        try (RunningShell app = startAgain(shell)) {
            List<ProcessHandle> children = app.process.descendants().toList();
            pointAt(app);

            keys(app, "ctrl+q");

            assertThat(app.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("quit on Ctrl+Q").isTrue();
            assertThat(app.process.exitValue()).as(RunningShell.tail(app.log)).isZero();
            for (ProcessHandle child : children) {
                assertThat(child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
            }
        }
    }

    /**
     * The size and place the window had are where the next start puts it, and a quit writes them back. Without a
     * window manager nothing but the app can resize its window, so the size a user gave it stands in a file.
     */
    @Order(12)
    @BothShells
    void theWindowSizeIsRemembered(String shell) throws Exception {
        Path remembered = RUNNING.get(shell).user.appData().resolve("window-" + shell + ".properties");
        Files.writeString(remembered, "x=40.0\ny=30.0\nwidth=900.0\nheight=640.0\nmaximized=false\n");
        try (RunningShell app = startAgain(shell)) {
            Map<String, Integer> geometry = geometry(app, mainWindow(app));
            assertThat(geometry).as("the window as the X server has it").containsEntry("WIDTH", 900)
                    .containsEntry("HEIGHT", 640).containsEntry("X", 40).containsEntry("Y", 30);

            app.driver.menu("quit");

            assertThat(app.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("quit from the menu").isTrue();
            assertThat(Files.readString(remembered)).contains("width=900.0", "height=640.0", "x=40.0", "y=30.0");
        }
    }

    @Order(13)
    @BothShells
    void aCrashingBackendShowsTheErrorDialogAndExitsWithItsCode(String shell) throws Exception {
        try (RunningShell app = startAgain(shell)) {
            ProcessHandle backend = app.process.descendants().filter(p -> p.info().commandLine().orElse("")
                    .contains("staged-backend")).findFirst().orElseThrow(() -> new AssertionError("no backend process"));

            backend.destroyForcibly();

            Eventually.await(Duration.ofSeconds(60), () -> RunningShell.tail(app.log).contains("stopped unexpectedly"),
                    () -> "the crash reported; the shell said:\n" + RunningShell.tail(app.log));
            Path screen = tmp.resolve(shell + "-crash.png");
            Processes.run(app.user.home, Map.of("PATH", "/usr/bin:/bin", "DISPLAY", DISPLAYS.get(shell).display()),
                    app.user.home.resolve("logs/import.log"), Duration.ofSeconds(30), List.of("import", "-window", "root", screen.toString()));
            assertThat(app.process.isAlive()).as("the dialog waits for the user").isTrue();
            Eventually.awaitCall(Duration.ofSeconds(30), () -> windows(app).size() >= 2, () -> "the error dialog beside the main window");
            // The newest window is the dialog. With no window manager to hand it the keyboard, the user's click into it
            // (on its message, not a button) does, as it does for Swing, whose X focus the browser window keeps.
            for (int press = 0; press < 3 && app.process.isAlive(); press++) {
                List<String> open = windows(app);
                if (open.size() < 2) {
                    break; // the dialog closed: the app is on its way out
                }
                clickOnMessage(app, open.getLast());
                keys(app, "Return");
                app.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(app.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("quit after Return on the dialog")
                    .isTrue();
            assertThat(app.process.exitValue()).as(RunningShell.tail(app.log)).isEqualTo(4);
            System.out.println("[it] " + shell + ": the crash dialog, screenshot " + screen);
        }
    }

    @Order(14)
    @BothShells
    void theSplashShowsBeforeTheFirstPage(String shell) throws Exception {
        RunningShell previous = RUNNING.get(shell);
        ShellBench.Start start = ShellBench.smoke(previous.user, DISPLAYS.get(shell), Files.createTempDirectory(tmp, shell + "-cold"));

        assertThat(start.splashMs()).as("splash_ms before first_page_ms, as the shell reports").isLessThan(start.insideFirstPageMs());
        assertThat(start.firstPixelMs()).as("something painted, seen from outside, before the first page arrived")
                .isLessThan(start.firstPageMs());
        int width = Integer.parseInt(start.firstPainted().split("x")[0]);
        assertThat(width).as("what the screen showed first is the splash (about 440 px wide), not the main window (1100 px)")
                .isLessThan(600);
        System.out.println("[it] " + shell + ": " + start);
    }

    /** A fresh start of the shell's app for the same user, on its X server, after the shared one quit. */
    private static RunningShell startAgain(String shell) throws Exception {
        RunningShell previous = RUNNING.get(shell);
        assertThat(previous.process.isAlive()).as("the earlier app quit").isFalse();
        return RunningShell.start(shell, previous.user, DISPLAYS.get(shell));
    }

    /**
     * The keyboard to the main window, as a click on it would: there is no window manager to give it. The main window is
     * the widest one (a splash may still be closing).
     */
    private static void pointAt(RunningShell app) throws Exception {
        pointAt(app, mainWindow(app));
    }

    /** The main window: the widest one (a splash may still be closing). */
    private static String mainWindow(RunningShell app) throws Exception {
        String main = windows(app).getFirst();
        for (String id : windows(app)) {
            if (width(app, id) > width(app, main)) {
                main = id;
            }
        }
        return main;
    }

    /** The width of window {@code id}; 0 for one that closed meanwhile (the splash). */
    private static int width(RunningShell app, String id) throws Exception {
        try {
            return geometry(app, id).getOrDefault("WIDTH", 0);
        } catch (AssertionError gone) {
            return 0;
        }
    }

    /** The pointer to the middle of window {@code id} and the keyboard focus to it. */
    private static void pointAt(RunningShell app, String id) throws Exception {
        xdotool(app, "windowfocus", "--sync", id);
        Map<String, Integer> g = geometry(app, id);
        xdotool(app, "mousemove", "--sync", Integer.toString(g.get("X") + g.get("WIDTH") / 2),
                Integer.toString(g.get("Y") + g.get("HEIGHT") / 2));
    }

    /** A click near the top left of window {@code id}, where a dialog shows its message: focus, nothing pressed. */
    private static void clickOnMessage(RunningShell app, String id) throws Exception {
        Map<String, Integer> g = geometry(app, id);
        xdotool(app, "mousemove", "--sync", Integer.toString(g.get("X") + 120), Integer.toString(g.get("Y") + 15));
        xdotool(app, "click", "1");
    }

    /** Window {@code id}'s X, Y, WIDTH and HEIGHT as the X server has them. */
    private static Map<String, Integer> geometry(RunningShell app, String id) throws Exception {
        Map<String, Integer> g = new java.util.HashMap<>();
        xdotool(app, "getwindowgeometry", "--shell", id).lines().map(l -> l.split("=", 2)).filter(kv -> kv.length == 2
                && kv[1].matches("-?\\d+")).forEach(kv -> g.put(kv[0], Integer.parseInt(kv[1])));
        return g;
    }

    /** The visible, named top-level windows on the app's X server (nothing else draws there), oldest first (X hands out rising ids). */
    private static List<String> windows(RunningShell app) throws Exception {
        return xdotool(app, "search", "--onlyvisible", "--maxdepth", "1", "--name", ".").lines()
                .filter(l -> l.strip().matches("\\d+")).map(String::strip).sorted(java.util.Comparator.comparingLong(Long::parseLong))
                .toList();
    }

    private static void keys(RunningShell app, String keys) throws Exception {
        xdotool(app, "key", "--clearmodifiers", keys);
    }

    private static String xdotool(RunningShell app, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(app.user.home, Map.of("PATH", "/usr/bin:/bin", "DISPLAY",
                DISPLAYS.get(app.shell).display()), Files.createTempFile(tmp, "xdotool", ".log"), Duration.ofSeconds(30), command);
        // search exits 1 when it finds nothing: that is an answer, not a failure
        assertThat(result.exit()).as(result.output()).isIn(0, args[0].equals("search") ? 1 : 0);
        return result.output();
    }

    private static void awaitValue(RunningShell app, String expression, String expected) throws Exception {
        Eventually.awaitCall(Duration.ofSeconds(30), () -> expected.equals(app.driver.eval(expression)),
                () -> expression + " = " + expected + " in the " + app.shell + " shell");
    }

    /**
     * Runs a script that navigates, as a page's own script would, on the page's next turn: an evaluation whose document
     * goes away before it answers never answers (Chromium), so the evaluation itself only schedules it.
     */
    private static Navigation navigateByScript(RunningShell app, String script) throws Exception {
        Optional<ShellEvent> last = app.events().stream().reduce((first, second) -> second);
        app.driver.eval("setTimeout(() => { " + script + "; }, 0) && 'scheduled'");
        return new Navigation(last);
    }

    /**
     * The last event recorded when a script navigation was scheduled: its page load comes after that one. (The record
     * is bounded, so a position in it would not do.)
     */
    private record Navigation(Optional<ShellEvent> lastBefore) {
        List<ShellEvent> since(List<ShellEvent> events) {
            return lastBefore.map(events::lastIndexOf).map(i -> events.subList(i + 1, events.size())).orElse(events);
        }
    }

    /**
     * Waits until the page at {@code suffix} has loaded after {@code navigation}. The address alone is not enough:
     * WebKit reports the new address when the navigation starts, while the old document still runs scripts, so a
     * second history step sent then is lost.
     */
    private static void awaitLoaded(RunningShell app, Navigation navigation, String suffix) throws Exception {
        Eventually.awaitCall(Duration.ofSeconds(30), () -> {
            return navigation.since(app.events()).stream()
                    .anyMatch(e -> e instanceof ShellEvent.PageLoaded loaded && loaded.url().endsWith(suffix))
                    && app.driver.state().url().endsWith(suffix);
        }, () -> "the " + app.shell + " shell loaded " + suffix + "; its events: " + eventsOf(app));
    }

    /** Waits until the window shows {@code suffix}, whether it stayed on that page or loaded it again. */
    private static void awaitUrl(RunningShell app, String suffix) throws Exception {
        Eventually.awaitCall(Duration.ofSeconds(30), () -> app.driver.state().url().endsWith(suffix),
                () -> "the " + app.shell + " shell at " + suffix + "; its events: " + eventsOf(app));
    }

    private static String eventsOf(RunningShell app) {
        try {
            return app.events().toString();
        } catch (Exception e) {
            return "(no events: " + e + ")";
        }
    }

    /** A case run once per shell, the shell's name as its display name (what {@link ConformanceLog} records). */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javafx", "swing"})
    @interface BothShells {
    }
}
