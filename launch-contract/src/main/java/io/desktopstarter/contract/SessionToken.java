package io.desktopstarter.contract;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The per-session token a launcher passes to its backend in {@value LaunchEnvironment#TOKEN}:
 * 32 random bytes as 64 lower-case hex characters.
 */
public final class SessionToken {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-f]{64}");

    private SessionToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }
}
