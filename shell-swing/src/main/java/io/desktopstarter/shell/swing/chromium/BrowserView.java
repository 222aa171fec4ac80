package io.desktopstarter.shell.swing.chromium;

import io.desktopstarter.shell.common.ExternalOpener;
import io.desktopstarter.shell.common.automation.ShellEvents;
import io.desktopstarter.staging.launch.BackendSession;
import java.awt.Component;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cef.CefClient;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefDevToolsClient;
import org.cef.browser.CefFrame;
import org.cef.callback.CefContextMenuParams;
import org.cef.callback.CefMenuModel;
import org.cef.handler.CefContextMenuHandlerAdapter;
import org.cef.handler.CefDisplayHandlerAdapter;
import org.cef.handler.CefKeyboardHandler;
import org.cef.handler.CefKeyboardHandlerAdapter;
import org.cef.handler.CefLifeSpanHandlerAdapter;
import org.cef.handler.CefLoadHandler;
import org.cef.handler.CefLoadHandlerAdapter;

/** One windowed Chromium browser that shows the backend's pages and nothing else. */
public final class BrowserView {
    /** What the window learns from the browser (Chromium's threads; hop to the EDT yourself). */
    public interface Listener {
        /** A backend page loaded (after sign-in when the cookie fallback was needed). */
        void pageLoaded(String url);

        void loadFailed(String url, String error);

        /** Ctrl+Q / Cmd+Q pressed while the page has the keyboard (Swing never sees those keys). */
        void quitShortcut();

        /** A navigation or request was cancelled by the guard (already logged; the URL never carries the token). */
        default void blocked(String url) {
        }
    }

    private final CefClient client;
    private final CefBrowser browser;
    private final BackendRequests requests;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile String title = "";
    private final Optional<PageScripts> scripts;

    /**
     * Opens {@code startPage} with the token as a header. A backend that answers 401/403 anyway
     * gets one try of the bootstrap URL (the cookie route the JavaFX shell uses).
     *
     * @param events told about main-frame loads with their HTTP status, blocked navigations, window requests
     * @param automation whether the automation driver is on: only then can the page answer its scripts
     *        ({@link #scripts()})
     */
    public BrowserView(ChromiumRuntime runtime, BackendSession session, String startPage, ExternalOpener opener,
            ShellEvents events, boolean automation, Listener listener) {
        client = runtime.app().createClient();
        scripts = automation ? Optional.of(PageScripts.install(client)) : Optional.empty();
        requests = new BackendRequests(session.origin(), session.token(), opener,
                url -> {
                    System.err.println("desktop-java-starter: blocked " + abbreviate(url));
                    listener.blocked(url);
                }, events);
        client.addRequestHandler(requests);
        client.addLifeSpanHandler(new CefLifeSpanHandlerAdapter() {
            @Override
            public boolean onBeforePopup(CefBrowser b, CefFrame frame, String url, String name) {
                events.windowOpenRequested(url);
                if (requests.allowNavigation(url)) {
                    b.loadURL(url); // a same-origin target=_blank opens in the one window
                }
                return true; // never a second window
            }

            @Override
            public void onBeforeClose(CefBrowser b) {
                closed.complete(null);
            }
        });
        AtomicBoolean triedCookie = new AtomicBoolean();
        client.addLoadHandler(new CefLoadHandlerAdapter() {
            @Override
            public void onLoadEnd(CefBrowser b, CefFrame frame, int status) {
                if (!frame.isMain()) {
                    return;
                }
                events.pageLoaded(b.getURL(), status);
                if ((status == 401 || status == 403) && triedCookie.compareAndSet(false, true)) {
                    b.loadURL(session.bootstrapUrl(startPage));
                } else if (status >= 200 && status < 400) {
                    listener.pageLoaded(b.getURL());
                } else {
                    listener.loadFailed(b.getURL(), "HTTP " + status);
                }
            }

            @Override
            public void onLoadError(CefBrowser b, CefFrame frame, CefLoadHandler.ErrorCode code, String text, String url) {
                if (!frame.isMain()) {
                    return;
                }
                events.pageFailed(url, code + " " + text);
                // ERR_ABORTED is our own cancel (navigation guard), not a failure of the page.
                if (code != CefLoadHandler.ErrorCode.ERR_ABORTED) {
                    listener.loadFailed(url, code + " " + text);
                }
            }
        });
        client.addDisplayHandler(new CefDisplayHandlerAdapter() {
            @Override
            public void onTitleChange(CefBrowser b, String newTitle) {
                title = newTitle == null ? "" : newTitle;
            }
        });
        client.addContextMenuHandler(new CefContextMenuHandlerAdapter() {
            @Override
            public void onBeforeContextMenu(CefBrowser b, CefFrame frame, CefContextMenuParams params, CefMenuModel model) {
                model.clear(); // no "View source", "Back", "Inspect" on an app
            }
        });
        client.addKeyboardHandler(new CefKeyboardHandlerAdapter() {
            @Override
            public boolean onKeyEvent(CefBrowser b, CefKeyboardHandler.CefKeyEvent event) {
                boolean quit = event.type == CefKeyboardHandler.CefKeyEvent.EventType.KEYEVENT_RAWKEYDOWN
                        && event.windows_key_code == 'Q' && (event.modifiers & (CONTROL | COMMAND)) != 0;
                if (quit) {
                    listener.quitShortcut();
                }
                return quit;
            }
        });
        browser = client.createBrowser(session.origin() + startPage, false, false);
    }

    private static final int CONTROL = 1 << 2;
    private static final int COMMAND = 1 << 7;

    public Component component() {
        return browser.getUIComponent();
    }

    public String url() {
        return browser.getURL();
    }

    /** The page's title as Chromium last reported it. */
    public String title() {
        return title;
    }

    /** Whether the main frame is loading a document. */
    public boolean loading() {
        return browser.isLoading();
    }

    /**
     * Evaluates a JavaScript expression in the page through Chromium's DevTools protocol
     * ({@code Runtime.evaluate}, in process: no port, nothing the page can reach), which, unlike
     * {@code executeJavaScript}, returns the value. Completes with the raw {@code Runtime.evaluate} answer (JSON).
     */
    public CompletableFuture<String> evaluate(String paramsJson) {
        CefDevToolsClient devTools = browser.getDevToolsClient();
        if (devTools == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the browser is not open"));
        }
        return devTools.executeDevToolsMethod("Runtime.evaluate", paramsJson);
    }

    /** The driver's channel for script answers; present only when the automation driver is on. */
    public Optional<PageScripts> scripts() {
        return scripts;
    }

    /** Runs script in the page's main frame; nothing comes back (see {@link PageScripts}). */
    public void execute(String script) {
        browser.executeJavaScript(script, browser.getURL(), 0);
    }

    public void load(String url) {
        browser.loadURL(url);
    }

    /**
     * Closes the browser; completes once Chromium has let go of it. The window that holds it must
     * stay until Chromium has shut down: taking the native parent away first crashes it. The client
     * is left to {@code CefApp.dispose()}: disposing it here as well races that call into a JCEF
     * deadlock (client and app locks taken in opposite orders).
     */
    public CompletableFuture<Void> close() {
        browser.setCloseAllowed();
        browser.close(true);
        return closed;
    }

    private static String abbreviate(String url) {
        return url == null ? "(no url)" : url.length() > 120 ? url.substring(0, 120) + "…" : url;
    }
}
