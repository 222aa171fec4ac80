package io.desktopstarter.core.ponies;

import java.util.Objects;

/** Validated values for creating or updating a pony. */
public record PonyDraft(String name, PonyStatus status, String notes) {
    public PonyDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(notes, "notes");
    }
}
