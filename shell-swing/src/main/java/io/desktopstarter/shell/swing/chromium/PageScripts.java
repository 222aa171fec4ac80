package io.desktopstarter.shell.swing.chromium;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.cef.CefClient;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.browser.CefMessageRouter;
import org.cef.callback.CefQueryCallback;
import org.cef.handler.CefMessageRouterHandlerAdapter;

/**
 * The automation driver's way back out of the page: a script the driver runs posts its answer through a
 * CEF message router, a channel that, unlike the DevTools protocol's answer to {@code Runtime.evaluate}, is not
 * lost when the page navigates while the answer is on its way. Installed only with the driver on: the query
 * function it adds to every page is then the one thing a page could reach, and it accepts nothing but an answer
 * to a script the driver is waiting for (a random id per script).
 */
public final class PageScripts {
    private static final String QUERY_FUNCTION = "desktopStarterAutomationAnswer";
    private static final int ID_CHARS = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    /** The window property that remembers which scripts ran in a document, so sending one again never runs it twice. */
    private final String ranMarker = "__desktopStarterRan" + newId().substring(0, 8);

    private PageScripts() {
    }

    /** Adds the router to {@code client}; call before its browser is created, so every renderer knows the function. */
    static PageScripts install(CefClient client) {
        PageScripts scripts = new PageScripts();
        CefMessageRouter router = CefMessageRouter.create(
                new CefMessageRouter.CefMessageRouterConfig(QUERY_FUNCTION, QUERY_FUNCTION + "Cancel"));
        router.addHandler(new CefMessageRouterHandlerAdapter() {
            @Override
            public boolean onQuery(CefBrowser browser, CefFrame frame, long queryId, String request, boolean persistent,
                    CefQueryCallback callback) {
                if (!frame.isMain() || !scripts.answered(request)) {
                    callback.failure(404, "no script waits for this answer");
                } else {
                    callback.success("");
                }
                return true;
            }
        }, true);
        client.addMessageRouter(router);
        return scripts;
    }

    /**
     * A script the driver is about to run: {@code wrapped} is the expression made to run at most once per document,
     * post its value (a string) to the router and also return it (run again in the same document it does nothing and
     * returns undefined); {@code answer} completes with that value, whichever way it arrives.
     */
    public record Script(String wrapped, CompletableFuture<String> answer) {
    }

    public Script prepare(String expression) {
        String id = newId();
        CompletableFuture<String> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        answer.whenComplete((value, failure) -> waiting.remove(id));
        String wrapped = """
                (function () {
                  var ran = window['%1$s'] || (window['%1$s'] = {});
                  if (ran['%2$s']) return undefined;
                  ran['%2$s'] = true;
                  var answer = (
                %3$s
                  );
                  var post = window['%4$s'];
                  if (post) post({request: '%2$s' + answer, onSuccess: function () {}, onFailure: function () {}});
                  return answer;
                })()""".formatted(ranMarker, id, expression, QUERY_FUNCTION);
        return new Script(wrapped, answer);
    }

    private boolean answered(String request) {
        if (request == null || request.length() < ID_CHARS) {
            return false;
        }
        CompletableFuture<String> answer = waiting.get(request.substring(0, ID_CHARS));
        return answer != null && answer.complete(request.substring(ID_CHARS));
    }

    private static String newId() {
        byte[] bytes = new byte[ID_CHARS / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
