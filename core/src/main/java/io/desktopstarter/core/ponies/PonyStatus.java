package io.desktopstarter.core.ponies;

import java.util.Locale;
import java.util.Optional;

/** Where a pony is in its day. Stored by name; shown by label. */
public enum PonyStatus {
    GRAZING("Grazing"),
    GALLOPING("Galloping"),
    SHOW_READY("Show Ready");

    private final String label;

    PonyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String cssClass() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<PonyStatus> parse(String value) {
        for (PonyStatus s : values()) {
            if (s.name().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
