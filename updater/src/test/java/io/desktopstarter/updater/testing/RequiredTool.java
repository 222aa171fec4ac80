package io.desktopstarter.updater.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** A command-line tool a test needs: skipped with the reason on a developer machine, a failure when CI=true. */
public final class RequiredTool {
    private RequiredTool() {
    }

    public static void require(String command, String debianPackage) {
        boolean present = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(command + " is required in CI (Debian package '" + debianPackage + "', installed by .ci/run)");
        }
        assumeTrue(present, command + " not installed (Debian package '" + debianPackage + "')");
    }
}
