package io.desktopstarter.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A strict reader for one flat JSON object (values: strings, numbers, {@code true}, {@code false},
 * {@code null}; no nesting, no duplicate names), enough for the ready line without a JSON library
 * in the backend's small runtime. Integers that fit become {@link Long}, other numbers
 * {@link java.math.BigDecimal}; {@code null} members are left out.
 */
final class FlatJson {
    private static final Object NULL = new Object();

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    static Optional<Map<String, Object>> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FlatJson(text).object());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** A JSON string literal for {@code value}. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new HashMap<>();
        expect('{');
        if (peek() != '}') {
            do {
                String name = string();
                expect(':');
                Object value = value();
                if (members.putIfAbsent(name, value) != null) {
                    throw new IllegalArgumentException("duplicate member " + name);
                }
            } while (accept(','));
        }
        expect('}');
        skipSpace();
        if (at != text.length()) {
            throw new IllegalArgumentException("text after the object");
        }
        members.values().removeIf(v -> v == NULL);
        return members;
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return word.equals("null") ? NULL : Boolean.valueOf(word);
            }
        }
        int start = at;
        while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String number = text.substring(start, at);
        if (number.matches("-?(0|[1-9][0-9]{0,17})")) {
            return Long.parseLong(number);
        }
        if (number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            return new java.math.BigDecimal(number);
        }
        throw new IllegalArgumentException("not a JSON value at " + start);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        for (char c; (c = text.charAt(at++)) != '"'; ) {
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = text.charAt(at++);
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append((char) Integer.parseInt(hex4(), 16));
                default -> throw new IllegalArgumentException("bad escape \\" + escape);
            }
        }
        return out.toString();
    }

    private String hex4() {
        String hex = text.substring(at, at + 4);
        if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw new IllegalArgumentException("bad \\u escape");
        }
        at += 4;
        return hex;
    }

    private char peek() {
        skipSpace();
        return text.charAt(at);
    }

    private boolean accept(char c) {
        if (peek() == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw new IllegalArgumentException("expected " + c + " at " + at);
        }
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }
}
