package io.desktopstarter.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Everything the backend reads from its environment, checked once at start.
 *
 * @param token       per-session token the launcher generated (64 hex chars)
 * @param appDataDir  per-user data directory (database, logs, secret)
 * @param mode        packaged or development
 * @param parentPid   PID of the shell to watch; the backend exits when it dies
 * @param shellName   name of the shell that launched us, shown on the About page
 * @param taskTimings duration and failure rate of demo tasks
 */
public record Settings(
        String token,
        Path appDataDir,
        Mode mode,
        OptionalLong parentPid,
        Optional<String> shellName,
        TaskTimings taskTimings) {

    public static final String ENV_TOKEN = "DESKTOP_STARTER_TOKEN";
    public static final String ENV_APP_DATA_DIR = "DESKTOP_STARTER_APP_DATA_DIR";
    public static final String ENV_PARENT_PID = "DESKTOP_STARTER_PARENT_PID";
    public static final String ENV_MODE = "DESKTOP_STARTER_MODE";
    public static final String ENV_SHELL = "DESKTOP_STARTER_SHELL";

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

    public Settings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(appDataDir, "appDataDir");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(parentPid, "parentPid");
        Objects.requireNonNull(shellName, "shellName");
        Objects.requireNonNull(taskTimings, "taskTimings");
        if (!TOKEN.matcher(token).matches()) {
            throw new ConfigException(ENV_TOKEN + " must be 64 lowercase hex characters (32 random bytes)");
        }
    }

    /** Reads the documented environment variables; throws {@link ConfigException} with a fix-it message. */
    public static Settings fromEnvironment(Map<String, String> env) {
        String token = env.get(ENV_TOKEN);
        if (token == null || token.isBlank()) {
            throw new ConfigException(ENV_TOKEN + " is not set. The backend is started by a desktop shell, "
                    + "which passes a per-session token; to run it on its own use --dev.");
        }
        return new Settings(
                token.trim(),
                AppDataDir.resolve(env, System.getProperty("os.name", ""), System.getProperty("user.home", ".")),
                Mode.parse(env.get(ENV_MODE)),
                parsePid(env.get(ENV_PARENT_PID)),
                Optional.ofNullable(env.get(ENV_SHELL)).filter(s -> !s.isBlank()),
                TaskTimings.fromEnvironment(env));
    }

    private static OptionalLong parsePid(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(value.trim());
            if (pid <= 0) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(pid);
        } catch (NumberFormatException e) {
            throw new ConfigException(ENV_PARENT_PID + " must be a positive process id, not '" + value + "'");
        }
    }

    public Path databaseFile() {
        return appDataDir.resolve("app.sqlite3");
    }

    public Path logDir() {
        return appDataDir.resolve("logs");
    }

    public Path backupDir() {
        return appDataDir.resolve("backups");
    }
}
