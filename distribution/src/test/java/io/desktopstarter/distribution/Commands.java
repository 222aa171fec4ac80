package io.desktopstarter.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion; a test first says which tools it needs ({@code Required.tool}). */
final class Commands {
    record Result(int exit, String output) {
    }

    private Commands() {
    }

    static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Result ok(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Result result = run(dir, env, command);
        assertThat(result.exit()).as(String.join(" ", command) + "\n" + result.output()).isZero();
        return result;
    }
}
