package io.desktopstarter.shell.common.automation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request the driver could not carry out; the response says {@code "ok":false} with {@link #code()}
 * and the message. The client throws it too, so a test sees the shell's own words.
 */
public final class AutomationFailure extends Exception {
    /** The line is not one JSON object. */
    public static final String BAD_JSON = "bad-json";
    /** A field is missing or has the wrong form. */
    public static final String BAD_REQUEST = "bad-request";
    public static final String UNKNOWN_COMMAND = "unknown-command";
    public static final String UNKNOWN_MENU_ACTION = "unknown-menu-action";
    /** The page's script threw, did not parse, or the selector matched nothing. */
    public static final String SCRIPT_ERROR = "script-error";
    /** The load ended without a document (failed, or cancelled by the navigation guard). */
    public static final String LOAD_FAILED = "load-failed";
    /** The main window is not there yet, or the event did not come in time. */
    public static final String TIMEOUT = "timeout";
    /** Anything else: an I/O error writing the screenshot, an engine failure. */
    public static final String FAILED = "failed";

    private final transient JsonNode id;
    private final String code;

    public AutomationFailure(JsonNode id, String code, String message) {
        super(message);
        this.id = id;
        this.code = code;
    }

    public String code() {
        return code;
    }

    JsonNode id() {
        return id;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
