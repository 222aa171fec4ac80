package io.desktopstarter.core.tasks;

import java.util.Locale;

/** PENDING → RUNNING → DONE | FAILED. */
public enum TaskState {
    PENDING,
    RUNNING,
    DONE,
    FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }

    public String cssClass() {
        return name().toLowerCase(Locale.ROOT);
    }
}
