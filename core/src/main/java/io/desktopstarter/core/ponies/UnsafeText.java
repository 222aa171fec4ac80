package io.desktopstarter.core.ponies;

/**
 * Characters a pony's name or notes must not hold: control characters (NUL, ESC… corrupt logs,
 * terminals and copies of the text) and bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069, U+200E/F, U+061C), which make text read differently from what it is.
 * Line breaks and tabs are fine in notes.
 */
public final class UnsafeText {
    private UnsafeText() {
    }

    public static boolean contains(String text, boolean multiline) {
        return text.codePoints().anyMatch(c -> unsafe(c, multiline));
    }

    /** The text with any such character shown as U+FFFD: rows stored before the rule existed. */
    public static String forDisplay(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(unsafe(c, true) ? 0xFFFD : c));
        return shown.toString();
    }

    private static boolean unsafe(int c, boolean multiline) {
        if (Character.isISOControl(c)) {
            return !(multiline && (c == '\n' || c == '\t'));
        }
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
