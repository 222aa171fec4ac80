package io.desktopstarter.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Resolves the per-user app-data directory the way each OS expects it. */
public final class AppDataDir {
    public static final String APP_ID = "desktop-java-starter";

    private AppDataDir() {
    }

    /**
     * {@code DESKTOP_STARTER_APP_DATA_DIR} wins; otherwise XDG on Linux, Application Support on
     * macOS and %APPDATA% on Windows.
     */
    public static Path resolve(Map<String, String> env, String osName, String userHome) {
        String override = env.get("DESKTOP_STARTER_APP_DATA_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank()
                    ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming");
            return base.resolve(APP_ID);
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", APP_ID);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(userHome, ".local", "share");
        return base.resolve(APP_ID);
    }
}
