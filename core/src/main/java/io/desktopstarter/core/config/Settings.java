package io.desktopstarter.core.config;

import io.desktopstarter.contract.AppDataLocation;
import io.desktopstarter.contract.LaunchEnvironment;
import io.desktopstarter.contract.SessionToken;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

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

    public Settings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(appDataDir, "appDataDir");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(parentPid, "parentPid");
        Objects.requireNonNull(shellName, "shellName");
        Objects.requireNonNull(taskTimings, "taskTimings");
        if (!SessionToken.isWellFormed(token)) {
            throw new ConfigException(LaunchEnvironment.TOKEN + " must be 64 lowercase hex characters (32 random bytes)");
        }
    }

    /** Reads the documented environment variables; throws {@link ConfigException} with a fix-it message. */
    public static Settings fromEnvironment(Map<String, String> env) {
        String token = env.get(LaunchEnvironment.TOKEN);
        if (token == null || token.isBlank()) {
            throw new ConfigException(LaunchEnvironment.TOKEN + " is not set. The backend is started by a desktop shell, "
                    + "which passes a per-session token; to run it on its own use --dev.");
        }
        return new Settings(
                token.trim(),
                AppDataLocation.resolve(env),
                Mode.parse(env.get(LaunchEnvironment.MODE)),
                parsePid(env.get(LaunchEnvironment.PARENT_PID)),
                Optional.ofNullable(env.get(LaunchEnvironment.SHELL)).filter(s -> !s.isBlank()),
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
            throw new ConfigException(LaunchEnvironment.PARENT_PID + " must be a positive process id, not '" + value + "'");
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
