package io.desktopstarter.staging.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program of the build host (strip, objdump, dpkg-deb, rpmbuild, …) to completion and returns
 * its output; the errors name the Debian package to install. The JDK's own tools go through {@link JdkTools}.
 */
public final class HostTools {
    private HostTools() {
    }

    public static String run(List<String> command, Map<String, String> env, String debianPackage) throws StageException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The builder's language and time zone must not reach what the tools write (dates, sorting, messages).
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("TZ", "UTC");
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StageException(command.getFirst() + " is not installed (" + e.getMessage() + "); on Debian/Ubuntu: apt-get install "
                    + debianPackage);
        }
        try (InputStream in = process.getInputStream()) {
            process.getOutputStream().close();
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new StageException(command.getFirst() + " did not finish within 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new StageException(command.getFirst() + " failed (exit " + process.exitValue() + "): " + out.strip()
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
