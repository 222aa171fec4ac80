package io.desktopstarter.contract;

import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user app-data folder, by DESIGN.md's rules, for the backend and the shells alike (the
 * shell passes the folder it resolved to the backend, so both agree): {@value LaunchEnvironment#APP_DATA_DIR}
 * wins; otherwise {@code $XDG_DATA_HOME} (absolute) or {@code ~/.local/share} on Linux,
 * {@code ~/Library/Application Support} on macOS, {@code %APPDATA%} on Windows; each followed by
 * {@value #APP_ID}.
 */
public final class AppDataLocation {
    public static final String APP_ID = "desktop-java-starter";

    private AppDataLocation() {
    }

    /** For this process: its OS and {@code user.home}. */
    public static Path resolve(Map<String, String> env) {
        return resolve(env, Platform.Os.current(), Path.of(System.getProperty("user.home", ".")));
    }

    public static Path resolve(Map<String, String> env, Platform.Os os, Path home) {
        String override = env.get(LaunchEnvironment.APP_DATA_DIR);
        if (present(override)) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        Path base = switch (os) {
            case WINDOWS -> present(env.get("APPDATA")) ? Path.of(env.get("APPDATA")) : home.resolve("AppData").resolve("Roaming");
            case MACOS -> home.resolve("Library").resolve("Application Support");
            case LINUX -> {
                String xdg = env.get("XDG_DATA_HOME");
                yield present(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
            }
        };
        return base.resolve(APP_ID);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
