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

    /** {@code --check-for-updates}: a newer version is available (the {@code AVAILABLE:} line says which). */
    public static final int UPDATE_AVAILABLE = 10;
    /** {@code --check-for-updates}: the installed version is the newest. */
    public static final int UP_TO_DATE = 11;
    /** {@code --check-for-updates}: the feed or update was refused ({@code REJECTED: <code> <detail>}). */
    public static final int UPDATE_REJECTED = 12;
    /** {@code --check-for-updates}: the check could not be made (network, disk; {@code ERROR:} line). */
    public static final int UPDATE_ERROR = 13;
    /** {@code --check-for-updates}: updates are off here (policy, build; {@code UPDATES-OFF:} line). */
    public static final int UPDATES_OFF = 14;
    /** {@code --update --yes}: the app is running (its single-instance lock is held); nothing was downloaded. */
    public static final int APP_RUNNING = 15;

    private ExitCode() {
    }
}
