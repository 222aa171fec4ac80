package io.desktopstarter.staging.launch;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user app-data directory, by the rules of DESIGN.md (the backend applies the same
 * rules; shells need the path for window state, the single-instance lock and File > Open App
 * Data Folder, and pass it to the backend so both agree).
 */
public final class AppDataLocation {
    public static final String APP_ID = "desktop-java-starter";

    private AppDataLocation() {
    }

    public static Path resolve(Map<String, String> env) {
        String override = env.get("DESKTOP_STARTER_APP_DATA_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        String home = System.getProperty("user.home", ".");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData == null || appData.isBlank() ? Path.of(home, "AppData", "Roaming") : Path.of(appData))
                    .resolve(APP_ID);
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", APP_ID);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve(APP_ID);
    }
}
