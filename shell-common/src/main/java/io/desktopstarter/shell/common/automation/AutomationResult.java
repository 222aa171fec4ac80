package io.desktopstarter.shell.common.automation;

import java.util.List;

/** What a command answers with ({@code "ok":true,"result":{…}}), one record a command. */
public sealed interface AutomationResult {
    /** {@code load}: the document that loaded; {@code status} {@code null} where the engine cannot tell. */
    record Loaded(String url, Integer status) implements AutomationResult {
    }

    /** {@code click}: whether it started a navigation, and if so the document that loaded then. */
    record Clicked(boolean navigated, String url, Integer status) implements AutomationResult {
    }

    /** {@code eval}: the value as a string (objects as JSON); {@code null} for {@code null} and {@code undefined}. */
    record Evaluated(String value) implements AutomationResult {
    }

    /** {@code state}; {@code status} is {@code null} where the engine cannot tell (JavaFX's WebView). */
    record State(String url, String title, Integer status) implements AutomationResult {
    }

    /** {@code screenshot}: the PNG written. */
    record Screenshot(String file, int width, int height) implements AutomationResult {
    }

    /** {@code menu}: the item was triggered. */
    record MenuTriggered(String action) implements AutomationResult {
    }

    /** {@code events}: oldest first. */
    record Events(List<ShellEvent> events) implements AutomationResult {
    }
}
