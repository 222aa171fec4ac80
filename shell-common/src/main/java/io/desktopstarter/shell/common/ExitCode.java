package io.desktopstarter.shell.common;

/** The shells' exit codes (DESIGN.md, "Interfaces other programs rely on"). */
public final class ExitCode {
    /** Quit normally, or handed off to the running instance. */
    public static final int OK = 0;
    /** Wrong arguments or setup (no staged backend, unsupported platform). */
    public static final int USAGE = 2;
    public static final int BACKEND_FAILED_TO_START = 3;
    public static final int BACKEND_CRASHED = 4;
    /** Smoke mode: the first page did not load. */
    public static final int FIRST_PAGE_FAILED = 5;

    private ExitCode() {
    }
}
