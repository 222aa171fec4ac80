package io.desktopstarter.shell.common.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JavaScript the driver runs, the same text in both engines. The caller's script is placed
 * inside an expression, never passed to {@code eval()}: the backend's CSP ({@code script-src 'self'})
 * forbids {@code eval} in its pages, while an engine's own script call is not subject to it.
 */
final class AutomationScripts {
    private AutomationScripts() {
    }

    /**
     * An expression whose value is a JSON string: {@code {"ok":true,"value":…}} with the value of
     * {@code expression} as a string (objects as JSON, {@code null}/{@code undefined} as null), or
     * {@code {"ok":false,"error":…}} with what it threw.
     */
    static String evaluating(String expression) {
        return """
                (function () {
                  try {
                    var v = (
                %s
                    );
                    var s = v === undefined || v === null ? null
                        : typeof v === 'object' ? (function () { try { return JSON.stringify(v); } catch (e) { return String(v); } })()
                        : String(v);
                    return JSON.stringify({ok: true, value: s});
                  } catch (e) {
                    return JSON.stringify({ok: false, error: String(e)});
                  }
                })()""".formatted(expression);
    }

    /**
     * Clicks the first match of {@code selector}; its value is whether the page began to unload (a
     * navigation of the main frame started), seen through {@code beforeunload}, which the engines fire
     * while a link's click runs (WebKit not always before the click returns), or a link in this window was
     * clicked and no handler prevented it, or a form was submitted and no handler of the page prevented it (the
     * form's navigation starts only after the click returned). The submit listener is on the window, so it runs
     * after the form's own handlers have had their say.
     */
    static String clicking(String selector, ObjectMapper json) {
        String literal;
        try {
            // A JSON string is a JavaScript string literal, once the two line separators JSON allows raw are escaped.
            literal = json.writeValueAsString(selector).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return evaluating("""
                (function (selector) {
                  var element = document.querySelector(selector);
                  if (!element) throw new Error('no element matches ' + selector);
                  var leaving = false;
                  var mark = function () { leaving = true; };
                  var submitted = function (e) { leaving = leaving || !e.defaultPrevented; };
                  var followed = function (e) {
                    var link = e.target && e.target.closest ? e.target.closest('a[href]') : null;
                    if (link && !e.defaultPrevented && (!link.target || link.target === '_self')
                        && link.getAttribute('href').charAt(0) !== '#' && !/^javascript:/i.test(link.href)) {
                      leaving = true;
                    }
                  };
                  window.addEventListener('beforeunload', mark);
                  window.addEventListener('submit', submitted);
                  window.addEventListener('click', followed);
                  try { element.click(); } finally {
                    window.removeEventListener('beforeunload', mark);
                    window.removeEventListener('submit', submitted);
                    window.removeEventListener('click', followed);
                  }
                  return leaving;
                })(%s)""".formatted(literal));
    }
}
