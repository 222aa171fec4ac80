package io.desktopstarter.updater.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program; tests substitute a recording runner for tools this OS does not have. */
public interface CommandRunner {
    /** Exit code and combined output of a finished command. */
    record Result(int exitCode, String output) {
        public String tail(int lines) {
            String[] all = output.strip().split("\\R");
            return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
        }
    }

    Result run(List<String> command, Duration timeout) throws IOException, InterruptedException;

    /** Starts a program that outlives the app (an OS installer) and does not wait for it. */
    void launchDetached(List<String> command) throws IOException;

    CommandRunner SYSTEM = new CommandRunner() {
        @Override
        public Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
            Process process = CommandRunner.fromAppProcess(new ProcessBuilder(command)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[][] output = new byte[1][];
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    output[0] = process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    output[0] = new byte[0];
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
                reader.join();
                return new Result(-1, new String(output[0], StandardCharsets.UTF_8) + "\n(timed out after " + timeout + ")");
            }
            reader.join();
            return new Result(process.exitValue(), new String(output[0], StandardCharsets.UTF_8));
        }

        @Override
        public void launchDetached(List<String> command) throws IOException {
            CommandRunner.fromAppProcess(new ProcessBuilder(command)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        }
    };

    /**
     * The variable jpackage's Linux launcher sets for its second stage (it re-executes itself). A child inheriting it
     * from the running app takes its own arguments for JVM options ("Unrecognized option: --smoke"), so the smoke start
     * of a new version, a package manager or an installer started from the app must not see it.
     */
    String JPACKAGE_LAUNCHER_VARIABLE = "_JPACKAGE_LAUNCHER";

    /** {@code builder} without what the app's own launcher left in this process's environment for itself. */
    static ProcessBuilder fromAppProcess(ProcessBuilder builder) {
        builder.environment().remove(JPACKAGE_LAUNCHER_VARIABLE);
        return builder;
    }
}
