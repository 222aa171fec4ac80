package io.desktopstarter.core.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code Cookie} request headers. The first occurrence of a name wins. */
public final class Cookies {
    private Cookies() {
    }

    public static Map<String, String> parse(List<String> headerValues) {
        Map<String, String> cookies = new HashMap<>();
        if (headerValues == null) {
            return cookies;
        }
        for (String header : headerValues) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                cookies.putIfAbsent(name, value);
            }
        }
        return cookies;
    }
}
