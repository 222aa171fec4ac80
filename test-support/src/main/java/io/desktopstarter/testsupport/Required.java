package io.desktopstarter.testsupport;

import io.desktopstarter.contract.Platform;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for a test that needs something from the machine (a command-line tool, root's
 * rights): when it is missing, the test is skipped with the reason on a developer machine and fails
 * when {@code CI=true}, where {@code .ci/run} and the Linux workflow install every tool and run the
 * build as root. So a test never returns green without having checked what it is about.
 *
 * <p>Call it first in the test (or in {@code @BeforeEach}/{@code @BeforeAll} for all of them). What
 * does not apply on this operating system is not a requirement: mark it {@code @EnabledOnOs}.
 */
public final class Required {
    /** The environment variable CI systems set; {@code true} turns a missing requirement into a failure. */
    public static final String CI_VARIABLE = "CI";

    private Required() {
    }

    /** {@code command} on the {@code PATH}; {@code debianPackage} is what to install to get it. */
    public static void tool(String command, String debianPackage) {
        that(onPath(command), command + " is not installed (Debian package '" + debianPackage + "')");
    }

    /** Root's rights (effective uid 0): {@code why} says what the test does with them. */
    public static void root(String why) {
        that(Platform.isRoot(), "needs root's rights to " + why);
    }

    /** Any other requirement: {@code reason} says what is missing. */
    public static void that(boolean met, String reason) {
        that(met, reason, inCi());
    }

    /** Whether this run is a CI run ({@code CI=true}), where nothing required may be missing. */
    public static boolean inCi() {
        return "true".equals(System.getenv(CI_VARIABLE));
    }

    static void that(boolean met, String reason, boolean ci) {
        if (met) {
            return;
        }
        if (ci) {
            Assertions.fail(reason + "; required when " + CI_VARIABLE + "=true (.ci/run installs the tools and runs as root)");
        }
        Assumptions.abort(reason);
    }

    /** Whether an executable {@code command} (with {@code .exe} on Windows) is in a folder on the {@code PATH}. */
    static boolean onPath(String command) {
        String file = Platform.current().exe(command);
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .anyMatch(dir -> executable(dir, file));
    }

    private static boolean executable(String dir, String file) {
        try {
            return Files.isExecutable(Path.of(dir, file));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
