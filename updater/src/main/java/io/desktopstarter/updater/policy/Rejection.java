package io.desktopstarter.updater.policy;

import java.util.Objects;

/** A refused update: the code and one human-readable line saying what was wrong. */
public record Rejection(RejectionCode code, String detail) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        detail = detail.replaceAll("\\R", " ");
    }

    /** The line {@code verify-kit} prints: {@code REJECTED: <code> <detail>}. */
    public String line() {
        return "REJECTED: " + code.code() + " " + detail;
    }
}
