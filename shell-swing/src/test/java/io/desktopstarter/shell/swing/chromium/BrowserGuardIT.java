package io.desktopstarter.shell.swing.chromium;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.automation.ShellEvents;
import io.desktopstarter.staging.launch.BackendSession;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Chromium (JCEF, on this JVM's X display) with the shell's request handlers, against two
 * loopback servers: the "backend" and another local service on a different port. The other service
 * must never see the token, nor any request at all.
 */
class BrowserGuardIT {
    static final String TOKEN = "test-token-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path appData;
    static RecordingServer backend;
    static RecordingServer other;
    static ChromiumRuntime chromium;
    static JFrame frame;
    static BrowserView view;
    static final List<String> opened = new CopyOnWriteArrayList<>();
    static final BlockingQueue<String> loaded = new LinkedBlockingQueue<>();
    static final List<String> blocked = new CopyOnWriteArrayList<>();
    static String firstLoad;

    @BeforeAll
    static void start() throws Exception {
        other = new RecordingServer().page("/", "<p>another local service</p>").page("/pixel.png", "");
        backend = new RecordingServer();
        String otherOrigin = other.origin();
        String aliasOrigin = "http://localhost:" + backend.port();
        backend.page("/page/", """
                <!doctype html><title>guard</title>
                <img src="/own.png"><img src="%1$s/pixel.png"><img src="%2$s/alias.png">
                <script>fetch('%1$s/fetch').catch(function () {});</script>
                <a id="external" href="https://example.com/docs">docs</a>
                <a id="other-local" href="%1$s/">other</a>
                <a id="same" href="/second/">second</a>
                <a id="blank" href="/third/" target="_blank">third</a>
                <a id="mail" href="mailto:support@example.com">mail</a>
                <button id="popup" onclick="window.open('https://example.org/popup')">popup</button>
                """.formatted(otherOrigin, aliasOrigin))
                .page("/own.png", "")
                .page("/second/", "<p>second</p>")
                .page("/third/", "<p>third</p>")
                .route("/cookie-only/", exchange -> String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"))
                        .contains("desktop_auth=ok") ? RecordingServer.Page.html("<p>signed in by cookie</p>")
                        : new RecordingServer.Page(401, "text/plain", "no", Map.of()))
                .route("/desktop-auth/bootstrap/", exchange -> exchange.getRequestURI().getQuery().contains("token=" + TOKEN)
                        ? new RecordingServer.Page(302, "text/plain", "", Map.of("Set-Cookie", "desktop_auth=ok; Path=/",
                                "Location", "/cookie-only/"))
                        : new RecordingServer.Page(403, "text/plain", "bad token", Map.of()));
        chromium = ChromiumRuntime.start(appData, fraction -> { });
        BackendSession session = new BackendSession(backend.port(), TOKEN, ProcessHandle.current().pid(), OptionalLong.empty());
        SwingUtilities.invokeAndWait(() -> {
            frame = new JFrame("guard test");
            frame.setSize(900, 600);
            // The start page only takes the cookie: the view falls back to the bootstrap URL once.
            view = new BrowserView(chromium, session, "/cookie-only/", opened::add, ShellEvents.NONE, false, listener());
            frame.add(view.component());
            frame.setVisible(true);
        });
        firstLoad = loaded.poll(60, TimeUnit.SECONDS);
    }

    static BrowserView.Listener listener() {
        return new BrowserView.Listener() {
            @Override
            public void pageLoaded(String url) {
                loaded.add(url);
            }

            @Override
            public void loadFailed(String url, String error) {
                loaded.add("FAILED " + url + " " + error);
            }

            @Override
            public void blocked(String url) {
                blocked.add(url);
            }

            @Override
            public void quitShortcut() {
            }
        };
    }

    @AfterAll
    static void stop() throws Exception {
        // As the shell quits: the browser lets go, Chromium shuts down, then the window goes.
        CompletableFuture<CompletableFuture<Void>> closing = new CompletableFuture<>();
        SwingUtilities.invokeLater(() -> closing.complete(view.close()));
        closing.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        assertThat(chromium.shutdown(10)).isTrue();
        SwingUtilities.invokeAndWait(frame::dispose);
        backend.close();
        other.close();
    }

    @BeforeEach
    void backOnThePage() throws Exception {
        if (!(backend.origin() + "/page/").equals(view.url())) {
            view.load(backend.origin() + "/page/");
            assertThat(loaded.poll(30, TimeUnit.SECONDS)).isEqualTo(backend.origin() + "/page/");
        }
        loaded.clear();
        opened.clear();
    }

    @Test
    void everyRequestToTheBackendOriginCarriesTheTokenAndNothingElseLeaves() throws Exception {
        // The guard's own reports are the positive control: the page's foreign requests were made and cancelled.
        String otherOrigin = other.origin();
        awaitBlocked(otherOrigin + "/pixel.png");
        awaitBlocked(otherOrigin + "/fetch");
        awaitBlocked("http://localhost:" + backend.port() + "/alias.png");
        assertThat(backend.hits()).filteredOn(h -> h.path().equals("/page/") || h.path().equals("/own.png"))
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.token()).contains(TOKEN));
        assertThat(backend.paths()).as("localhost is another origin than 127.0.0.1").doesNotContain("/alias.png");
        assertThat(other.hits()).as("the other local service gets no request, so never the token").isEmpty();
    }

    @Test
    void externalLinkGoesToTheOsAndTheWindowStays() throws Exception {
        click("external");
        awaitOpened("https://example.com/docs");
        click("mail");
        awaitOpened("mailto:support@example.com");
        assertThat(view.url()).isEqualTo(backend.origin() + "/page/");
    }

    @Test
    void otherLoopbackServiceAndFileUrlsAreBlocked() throws Exception {
        click("other-local");
        awaitBlocked(other.origin() + "/");
        // Chromium itself refuses file: and chrome: from a page script, so those reach the guard only as
        // navigations handed to the browser (a redirect, the shell): the backstop is tested with those.
        view.load("file:///etc/passwd");
        awaitBlocked("file:///etc/passwd");
        view.load("chrome://version/");
        awaitBlocked("chrome://version/");
        assertThat(other.hits()).isEmpty();
        assertThat(opened).isEmpty();
        assertThat(view.url()).isEqualTo(backend.origin() + "/page/");
    }

    @Test
    void sameOriginLinksAndBlankTargetsStayInTheOneWindow() throws Exception {
        click("same");
        assertThat(loaded.poll(30, TimeUnit.SECONDS)).as("paths %s, now at %s", backend.paths(), view.url())
                .isEqualTo(backend.origin() + "/second/");
        view.load(backend.origin() + "/page/");
        assertThat(loaded.poll(30, TimeUnit.SECONDS)).isEqualTo(backend.origin() + "/page/");

        // Chromium only lets a real user click open a pop-up: the element fills the page, the Robot clicks it.
        realClick("blank");
        assertThat(loaded.poll(30, TimeUnit.SECONDS)).isEqualTo(backend.origin() + "/third/");
        view.load(backend.origin() + "/page/");
        assertThat(loaded.poll(30, TimeUnit.SECONDS)).isEqualTo(backend.origin() + "/page/");
        realClick("popup");
        awaitOpened("https://example.org/popup");
        assertThat(view.url()).isEqualTo(backend.origin() + "/page/");
        assertThat(backend.hits()).filteredOn(h -> h.path().equals("/third/"))
                .allSatisfy(h -> assertThat(h.token()).contains(TOKEN));
    }

    @Test
    void backendThatOnlyTakesTheCookieGetsTheBootstrapUrlOnce() {
        assertThat(firstLoad).isEqualTo(backend.origin() + "/cookie-only/");
        assertThat(backend.paths()).containsSubsequence("/cookie-only/", "/desktop-auth/bootstrap/", "/cookie-only/");
        assertThat(backend.paths()).filteredOn("/desktop-auth/bootstrap/"::equals).hasSize(1);
    }

    /** A click by the X server (XTest) on the element, made to cover the page first. */
    private static void realClick(String id) throws Exception {
        view.execute("var e = document.getElementById('" + id + "'); e.style.cssText = 'position:fixed;left:0;top:0;"
                + "width:100vw;height:100vh;display:block;z-index:99;margin:0';");
        Thread.sleep(500);
        java.awt.Point[] at = new java.awt.Point[1];
        SwingUtilities.invokeAndWait(() -> {
            java.awt.Point p = view.component().getLocationOnScreen();
            at[0] = new java.awt.Point(p.x + view.component().getWidth() / 2, p.y + view.component().getHeight() / 2);
        });
        java.awt.Robot robot = new java.awt.Robot();
        robot.mouseMove(at[0].x, at[0].y);
        robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
    }

    private static void awaitBlocked(String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!blocked.contains(url) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(blocked).as("requests the guard cancelled").contains(url);
    }

    private static void click(String id) {
        view.execute("document.getElementById('" + id + "').click();");
    }

    private static void awaitOpened(String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!opened.contains(url) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(opened).contains(url);
        assertThat(URI.create(url).getScheme()).isIn("https", "mailto");
    }
}
