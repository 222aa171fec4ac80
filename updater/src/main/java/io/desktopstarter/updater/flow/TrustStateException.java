package io.desktopstarter.updater.flow;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The remembered trust state cannot be used (damaged file, or key lists that no longer verify).
 * Updates stay off rather than falling back to the built-in keys, which would forget revocations.
 */
public final class TrustStateException extends IOException {
    private final transient Path file;

    public TrustStateException(Path file, String reason) {
        super("the update trust state " + file + " " + reason + ". Updates stay off until a key list signed by a key "
                + "built into this app is offered, or an administrator removes that file (updater README, \"Trust state\")");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
