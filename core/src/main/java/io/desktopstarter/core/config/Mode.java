package io.desktopstarter.core.config;

import io.desktopstarter.contract.LaunchEnvironment;
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
            case LaunchEnvironment.PACKAGED -> PACKAGED;
            case LaunchEnvironment.DEVELOPMENT -> DEVELOPMENT;
            default -> throw new ConfigException(LaunchEnvironment.MODE + " must be '" + LaunchEnvironment.PACKAGED
                    + "' or '" + LaunchEnvironment.DEVELOPMENT + "', not '" + value + "'");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
