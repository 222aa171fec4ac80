package io.desktopstarter.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the signing CLI jar and the real tools (minisign, osslsigncode, sha256sum) in a test directory. */
final class ExternalTools {
    private ExternalTools() {
    }

    /** Exit code and output of one command. */
    record Run(int code, String out, String err) {
    }

    static Run cli(Path dir, Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-jar",
                System.getProperty("cli.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("WIN_") || k.startsWith("APPLE_") || k.startsWith("CSC_"));
        builder.environment().putAll(env);
        return exec(builder, stdin);
    }

    static Run tool(Path dir, String stdin, String... command) throws Exception {
        return exec(new ProcessBuilder(command).directory(dir.toFile()), stdin);
    }

    private static Run exec(ProcessBuilder builder, String stdin) throws Exception {
        Process p = builder.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }
}
