package io.desktopstarter.signing.macos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link MacSigningPlan}: the plan's placeholders are resolved to the real secrets only
 * here, just before each command runs, and temporary key files are deleted afterwards.
 */
public final class MacSigner {
    /** Runs one command; returns its exit code. Tests record instead of running. */
    @FunctionalInterface
    public interface Runner {
        int run(List<String> command) throws IOException, InterruptedException;
    }

    private final Map<String, String> env;
    private final Runner runner;

    public MacSigner(Map<String, String> env, Runner runner) {
        this.env = env;
        this.runner = runner;
    }

    public static Runner processRunner() {
        return command -> new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** Runs every step; stops at the first failure with the redacted command in the message. */
    public void execute(MacSigningPlan plan) throws IOException, InterruptedException {
        List<Path> temporary = new ArrayList<>();
        String keychainPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try {
            for (List<String> step : plan.commands()) {
                List<String> resolved = new ArrayList<>();
                for (String arg : step) {
                    resolved.add(resolve(arg, keychainPassword, temporary));
                }
                int code = runner.run(resolved);
                if (code != 0) {
                    throw new IOException("step failed with exit code " + code + ": " + String.join(" ", step));
                }
            }
        } finally {
            for (Path p : temporary) {
                Files.deleteIfExists(p);
            }
        }
    }

    private String resolve(String arg, String keychainPassword, List<Path> temporary) throws IOException {
        return switch (arg) {
            case "<generated>" -> keychainPassword;
            case "<$CSC_KEY_PASSWORD>" -> env.get("CSC_KEY_PASSWORD");
            case "<$APPLE_APP_SPECIFIC_PASSWORD>" -> env.get("APPLE_APP_SPECIFIC_PASSWORD");
            case "<$CSC_LINK decoded to a temporary .p12>" -> secretFile(Base64.getMimeDecoder().decode(env.get("CSC_LINK")), ".p12", temporary);
            case "<$APPLE_API_KEY written to a temporary .p8>" -> secretFile(env.get("APPLE_API_KEY").getBytes(), ".p8", temporary);
            default -> arg;
        };
    }

    private static String secretFile(byte[] content, String suffix, List<Path> temporary) throws IOException {
        Path file = Files.createTempFile("desktop-starter-signing", suffix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        temporary.add(file);
        Files.write(file, content);
        return file.toString();
    }
}
