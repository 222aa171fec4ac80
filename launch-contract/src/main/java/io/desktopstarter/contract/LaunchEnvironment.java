package io.desktopstarter.contract;

/**
 * The environment a launcher gives its backend (DESIGN.md "Interfaces other programs rely on").
 * A launcher removes every inherited {@value #PREFIX}variable first, so only these reach the backend.
 */
public final class LaunchEnvironment {
    /** What all of the project's variables start with. */
    public static final String PREFIX = "DESKTOP_STARTER_";
    /** The session token (required): see {@link SessionToken}. */
    public static final String TOKEN = "DESKTOP_STARTER_TOKEN";
    /** The app-data folder: see {@link AppDataLocation}. */
    public static final String APP_DATA_DIR = "DESKTOP_STARTER_APP_DATA_DIR";
    /** The process whose death the backend's watchdog waits for. */
    public static final String PARENT_PID = "DESKTOP_STARTER_PARENT_PID";
    /** {@value #PACKAGED} or {@value #DEVELOPMENT}; absent means packaged. */
    public static final String MODE = "DESKTOP_STARTER_MODE";
    /** The shell's name, shown on the About page. */
    public static final String SHELL = "DESKTOP_STARTER_SHELL";

    public static final String PACKAGED = "packaged";
    public static final String DEVELOPMENT = "development";

    private LaunchEnvironment() {
    }
}
