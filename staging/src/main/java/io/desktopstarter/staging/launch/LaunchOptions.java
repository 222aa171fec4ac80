package io.desktopstarter.staging.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Timing and environment of a launch. Defaults follow the design: health polled every 250 ms,
 * 1 s per request, 15 s overall from process start; 5 s grace for each stop step.
 */
public record LaunchOptions(
        Optional<Path> appDataDir,
        Optional<String> shellName,
        Duration startTimeout,
        Duration healthInterval,
        Duration healthRequestTimeout,
        Duration stopGrace,
        int logTailLines,
        Map<String, String> extraEnv) {

    public LaunchOptions {
        Objects.requireNonNull(appDataDir);
        Objects.requireNonNull(shellName);
        extraEnv = Map.copyOf(extraEnv);
        if (logTailLines < 1) {
            throw new IllegalArgumentException("logTailLines must be positive");
        }
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions(Optional.empty(), Optional.empty(), Duration.ofSeconds(15), Duration.ofMillis(250),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 40, Map.of());
    }

    public LaunchOptions withAppDataDir(Path dir) {
        return new LaunchOptions(Optional.of(dir), shellName, startTimeout, healthInterval, healthRequestTimeout,
                stopGrace, logTailLines, extraEnv);
    }

    public LaunchOptions withShellName(String name) {
        return new LaunchOptions(appDataDir, Optional.of(name), startTimeout, healthInterval, healthRequestTimeout,
                stopGrace, logTailLines, extraEnv);
    }

    public LaunchOptions withStartTimeout(Duration timeout) {
        return new LaunchOptions(appDataDir, shellName, timeout, healthInterval, healthRequestTimeout,
                stopGrace, logTailLines, extraEnv);
    }

    public LaunchOptions withStopGrace(Duration grace) {
        return new LaunchOptions(appDataDir, shellName, startTimeout, healthInterval, healthRequestTimeout,
                grace, logTailLines, extraEnv);
    }

    public LaunchOptions withExtraEnv(Map<String, String> env) {
        return new LaunchOptions(appDataDir, shellName, startTimeout, healthInterval, healthRequestTimeout,
                stopGrace, logTailLines, env);
    }
}
