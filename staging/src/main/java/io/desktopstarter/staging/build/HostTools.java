package io.desktopstarter.staging.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program of the build host (strip, objdump, dpkg-deb, rpmbuild, …) to completion and returns
 * its output; the errors name the Debian package to install. The JDK's own tools go through {@link JdkTools}, in the
 * same fixed environment.
 */
public final class HostTools {
    private HostTools() {
    }

    public static String run(List<String> command, Map<String, String> env, String debianPackage) throws StageException {
        return start(command, env, "; on Debian/Ubuntu: apt-get install " + debianPackage);
    }

    /** A program the build itself made (a jlinked {@code bin/java}), with the same fixed environment. */
    public static String runBuilt(List<String> command) throws StageException {
        return start(command, Map.of(), "; the build made it, so an earlier step went wrong");
    }

    /**
     * One of the JDK's tools: only its standard output comes back (jdeps' answer is its last line, so warnings on
     * standard error must not follow it); a failure reports both.
     */
    static String runJdkTool(List<String> command, String whenMissing) throws StageException {
        Path errors = null;
        try {
            errors = Files.createTempFile("jdk-tool", ".err");
            return start(command, Map.of(), whenMissing, errors);
        } catch (IOException e) {
            throw new StageException("cannot run " + command.getFirst() + ": " + e.getMessage());
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a temporary file left behind; the tool's result stands
                }
            }
        }
    }

    private static String start(List<String> command, Map<String, String> env, String whenMissing) throws StageException {
        return start(command, env, whenMissing, null);
    }

    /** Standard error goes to {@code errors} when given, else into the output. */
    private static String start(List<String> command, Map<String, String> env, String whenMissing, Path errors)
            throws StageException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (errors == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(errors.toFile());
        }
        // The builder's language, time zone and JVM options must not reach what the tools write (dates, sorting,
        // messages; a CDS archive dumped in Tokyo differs from one dumped in UTC).
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("TZ", "UTC");
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StageException(command.getFirst() + " cannot run (" + e.getMessage() + ")" + whenMissing);
        }
        try (InputStream in = process.getInputStream()) {
            process.getOutputStream().close();
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new StageException(command.getFirst() + " did not finish within 10 minutes");
            }
            if (process.exitValue() != 0) {
                String err = errors == null ? "" : Files.readString(errors, StandardCharsets.UTF_8);
                throw new StageException(command.getFirst() + " failed (exit " + process.exitValue() + "): "
                        + (err + out).strip()
                        + "\n  command: " + String.join(" ", command.subList(0, Math.min(command.size(), 12))));
            }
            return out;
        } catch (IOException e) {
            throw new StageException(command.getFirst() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new StageException("interrupted while running " + command.getFirst());
        }
    }

    public static String run(List<String> command, String debianPackage) throws StageException {
        return run(command, Map.of(), debianPackage);
    }
}
