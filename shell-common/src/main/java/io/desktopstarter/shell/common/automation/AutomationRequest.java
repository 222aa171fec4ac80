package io.desktopstarter.shell.common.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/**
 * One line a driver client sends: a JSON object with {@code command} and the command's field, and an
 * optional {@code id} the response repeats. {@link #parse} turns anything else into an {@link AutomationFailure}.
 */
public sealed interface AutomationRequest {
    /** Navigate the main window to a local path ({@code /tasks/}) and wait until it has loaded. */
    record Load(String path) implements AutomationRequest {
    }

    /** Click the first element {@code selector} matches; wait for the load if the click navigates. */
    record Click(String selector) implements AutomationRequest {
    }

    /** Evaluate a JavaScript expression in the page; its value comes back as a string. */
    record Eval(String script) implements AutomationRequest {
    }

    /** URL, title and HTTP status of the main-frame document. */
    record State() implements AutomationRequest {
    }

    /** Write the window's contents to {@code file} (an absolute path ending in .png). */
    record Screenshot(Path file) implements AutomationRequest {
    }

    /** Trigger a menu item by its {@link MenuAction} id. */
    record Menu(String action) implements AutomationRequest {
    }

    /** What the shell recorded since start ({@link ShellEvent}). */
    record Events() implements AutomationRequest {
    }

    String COMMANDS = "load, click, eval, state, screenshot, menu, events";

    /** A request and the {@code id} to answer with ({@code null} when the client sent none). */
    record Numbered(JsonNode id, AutomationRequest request) {
    }

    static Numbered parse(String line, ObjectMapper json) throws AutomationFailure {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AutomationFailure(null, AutomationFailure.BAD_JSON, "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new AutomationFailure(null, AutomationFailure.BAD_JSON, "a request is one JSON object on one line");
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isNumber() && !id.isTextual()) {
            throw new AutomationFailure(null, AutomationFailure.BAD_REQUEST, "id must be a number or a string");
        }
        String command = text(node, id, "command");
        AutomationRequest request = switch (command) {
            case "load" -> new Load(localPath(text(node, id, "path"), id));
            case "click" -> new Click(text(node, id, "selector"));
            case "eval" -> new Eval(text(node, id, "script"));
            case "state" -> new State();
            case "screenshot" -> new Screenshot(pngFile(text(node, id, "file"), id));
            case "menu" -> new Menu(text(node, id, "action"));
            case "events" -> new Events();
            default -> throw new AutomationFailure(id, AutomationFailure.UNKNOWN_COMMAND,
                    "unknown command '" + command + "'; the commands are " + COMMANDS);
        };
        return new Numbered(id, request);
    }

    private static String text(JsonNode node, JsonNode id, String field) throws AutomationFailure {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new AutomationFailure(id, AutomationFailure.BAD_REQUEST, "'" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    /** The same rule as {@code --start-page}: a path on the backend, never another origin. */
    private static String localPath(String path, JsonNode id) throws AutomationFailure {
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            throw new AutomationFailure(id, AutomationFailure.BAD_REQUEST,
                    "'path' must be a local path such as /tasks/, not " + path);
        }
        return path;
    }

    private static Path pngFile(String file, JsonNode id) throws AutomationFailure {
        Path path;
        try {
            path = Path.of(file);
        } catch (RuntimeException e) {
            throw new AutomationFailure(id, AutomationFailure.BAD_REQUEST, "'file' is not a path: " + file);
        }
        if (!path.isAbsolute() || !file.endsWith(".png")) {
            throw new AutomationFailure(id, AutomationFailure.BAD_REQUEST, "'file' must be an absolute path ending in .png");
        }
        return path;
    }
}
