package io.desktopstarter.core.ponies;

import java.time.Instant;

/** A stored pony. */
public record Pony(long id, String name, PonyStatus status, String notes, Instant updatedAt) {
}
