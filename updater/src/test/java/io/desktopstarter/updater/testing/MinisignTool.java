package io.desktopstarter.updater.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code minisign} tool, for keys and signatures made outside this code base (a test first calls {@code Required.tool("minisign", "minisign")}). */
public final class MinisignTool {
    private MinisignTool() {
    }

    /** A key pair without a password: {@code <name>.pub} and {@code <name>.sec} in {@code dir}. */
    public static Path keygen(Path dir, String name) throws Exception {
        run(List.of("minisign", "-G", "-W", "-f", "-p", dir.resolve(name + ".pub").toString(), "-s",
                dir.resolve(name + ".sec").toString()));
        return dir.resolve(name + ".pub");
    }

    /** Signs {@code file} with the secret key {@code <name>.sec} in {@code keys}; returns the signature text. */
    public static String sign(Path keys, String name, Path file) throws Exception {
        Path signature = file.resolveSibling(file.getFileName() + ".minisig");
        run(List.of("minisign", "-S", "-s", keys.resolve(name + ".sec").toString(), "-m", file.toString(), "-x",
                signature.toString()));
        return Files.readString(signature, StandardCharsets.UTF_8);
    }

    /** The base64 key line of a {@code .pub} file, as {@code keys.json} lists it. */
    public static String keyLine(Path publicKey) throws IOException {
        return Files.readAllLines(publicKey).get(1).strip();
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
