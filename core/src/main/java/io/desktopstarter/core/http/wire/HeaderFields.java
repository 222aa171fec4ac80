package io.desktopstarter.core.http.wire;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Request or response header fields in arrival order; names compare case-insensitively. */
public record HeaderFields(List<Field> fields) {
    /** One {@code name: value} line. */
    public record Field(String name, String value) {
    }

    public static final HeaderFields EMPTY = new HeaderFields(List.of());

    public HeaderFields {
        fields = List.copyOf(fields);
    }

    public Optional<String> first(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).findFirst();
    }

    public List<String> all(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    /** Whether a comma-separated header (Connection, Expect) lists {@code token}. */
    public boolean lists(String name, String token) {
        String wanted = token.toLowerCase(Locale.ROOT);
        return all(name).stream().flatMap(v -> List.of(v.split(",")).stream())
                .anyMatch(part -> part.strip().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
