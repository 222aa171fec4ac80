package io.desktopstarter.distribution.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program of the build host (dpkg-deb, rpmbuild, objdump, …) and returns its output; errors name the package to install. */
public final class HostTool {
    private HostTool() {
    }

    public static String run(List<String> command, Map<String, String> env, String debianPackage) throws BuildException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BuildException(command.getFirst() + " is not installed (" + e.getMessage() + "); on Debian/Ubuntu: apt-get install "
                    + debianPackage);
        }
        try (InputStream in = process.getInputStream()) {
            process.getOutputStream().close();
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new BuildException(command.getFirst() + " did not finish within 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new BuildException(command.getFirst() + " failed (exit " + process.exitValue() + "): " + out.strip()
                        + "\n  command: " + String.join(" ", command.subList(0, Math.min(command.size(), 12))));
            }
            return out;
        } catch (IOException e) {
            throw new BuildException(command.getFirst() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new BuildException("interrupted while running " + command.getFirst());
        }
    }

    public static String run(List<String> command, String debianPackage) throws BuildException {
        return run(command, Map.of(), debianPackage);
    }
}
