package io.desktopstarter.updater.install;

import io.desktopstarter.contract.LaunchEnvironment;
import io.desktopstarter.foundation.files.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts a freshly installed version once to see that it comes up. The default runs the app's
 * launcher with {@code --smoke} against a throw-away app-data directory, so a version that fails
 * cannot have migrated the user's database before it is rolled back.
 */
@FunctionalInterface
public interface SmokeCheck {
    /** Empty when the version started; otherwise what went wrong. */
    Optional<String> check(Path versionDir) throws IOException, InterruptedException;

    static SmokeCheck launcher(String relativeLauncher, CommandRunner runner, Duration timeout) {
        return versionDir -> {
            Path launcher = versionDir.resolve(relativeLauncher);
            if (!Files.isExecutable(launcher)) {
                return Optional.of("the new version has no launcher at " + relativeLauncher);
            }
            Path appData = Files.createTempDirectory("desktop-starter-smoke");
            try {
                CommandRunner.Result result = runner.run(List.of("env", LaunchEnvironment.APP_DATA_DIR + "=" + appData,
                        launcher.toString(), "--smoke"), timeout);
                return result.exitCode() == 0 ? Optional.empty()
                        : Optional.of("smoke start exited " + result.exitCode() + ": " + result.tail(5));
            } finally {
                Trees.delete(appData);
            }
        };
    }
}
