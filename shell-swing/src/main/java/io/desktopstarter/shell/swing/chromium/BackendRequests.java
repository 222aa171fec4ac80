package io.desktopstarter.shell.swing.chromium;

import io.desktopstarter.shell.common.ExternalOpener;
import io.desktopstarter.shell.common.NavigationPolicy;
import io.desktopstarter.shell.common.automation.ShellEvents;
import java.util.function.Consumer;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.handler.CefRequestHandlerAdapter;
import org.cef.handler.CefResourceRequestHandler;
import org.cef.handler.CefResourceRequestHandlerAdapter;
import org.cef.misc.BoolRef;
import org.cef.network.CefRequest;

/**
 * Every request the browser makes passes here. Navigations follow the {@link NavigationPolicy}
 * (backend origin stays; web and mail links go to the OS; the rest is blocked). Sub-resources
 * follow {@link BackendOrigin}: the token header is added only for the backend's exact origin,
 * everything else is cancelled.
 */
public final class BackendRequests extends CefRequestHandlerAdapter {
    /** The header the backend accepts instead of the cookie (DESIGN.md). */
    public static final String TOKEN_HEADER = "X-Desktop-Token";

    private final NavigationPolicy policy;
    private final BackendOrigin origin;
    private final String token;
    private final ExternalOpener opener;
    private final Consumer<String> blocked;
    private final ShellEvents events;
    private final CefResourceRequestHandler resources = new CefResourceRequestHandlerAdapter() {
        @Override
        public boolean onBeforeResourceLoad(CefBrowser browser, CefFrame frame, CefRequest request) {
            return switch (origin.decide(request.getURL())) {
                case SEND_WITH_TOKEN -> {
                    request.setHeaderByName(TOKEN_HEADER, token, true);
                    yield false;
                }
                case LOCAL -> false;
                case CANCEL -> {
                    blocked.accept(request.getURL());
                    yield true;
                }
            };
        }
    };

    /**
     * @param blocked told about each cancelled request (for the log; never with the token)
     * @param events  told about each navigation the policy blocks
     */
    public BackendRequests(String backendOrigin, String token, ExternalOpener opener, Consumer<String> blocked,
            ShellEvents events) {
        this.policy = new NavigationPolicy(backendOrigin);
        this.origin = new BackendOrigin(backendOrigin);
        this.token = token;
        this.opener = opener;
        this.blocked = blocked;
        this.events = events;
    }

    @Override
    public boolean onBeforeBrowse(CefBrowser browser, CefFrame frame, CefRequest request, boolean userGesture,
            boolean isRedirect) {
        return !allowNavigation(request.getURL());
    }

    /** A navigation or pop-up: true when it may load in the window; web links are handed to the OS. */
    public boolean allowNavigation(String url) {
        return switch (policy.decide(url)) {
            case STAY -> true;
            case OPEN_EXTERNALLY -> {
                opener.open(url);
                yield false;
            }
            case BLOCK -> {
                blocked.accept(url);
                events.navigationBlocked(url);
                yield false;
            }
        };
    }

    @Override
    public CefResourceRequestHandler getResourceRequestHandler(CefBrowser browser, CefFrame frame, CefRequest request,
            boolean isNavigation, boolean isDownload, String requestInitiator, BoolRef disableDefaultHandling) {
        return resources;
    }
}
