package io.desktopstarter.core.lifecycle;

/** Process exit codes of the backend; launchers and tests rely on them (see core/README.md). */
public enum ExitCode {
    OK(0),
    UNEXPECTED(1),
    BAD_CONFIGURATION(2),
    APP_DATA_UNUSABLE(3),
    DATABASE_CORRUPT(4),
    MIGRATION_FAILED(5),
    CANNOT_LISTEN(6),
    PARENT_GONE(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
