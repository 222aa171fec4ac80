package io.desktopstarter.core.config;

import java.util.Locale;

/** Whether the backend runs from an installed app or from a developer's checkout. */
public enum Mode {
    PACKAGED,
    DEVELOPMENT;

    /** Parses the {@code DESKTOP_STARTER_MODE} value; absent means packaged, the safe default. */
    public static Mode parse(String value) {
        if (value == null || value.isBlank()) {
            return PACKAGED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "packaged" -> PACKAGED;
            case "development" -> DEVELOPMENT;
            default -> throw new ConfigException(
                    "DESKTOP_STARTER_MODE must be 'packaged' or 'development', not '" + value + "'");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
