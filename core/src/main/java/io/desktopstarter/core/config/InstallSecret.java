package io.desktopstarter.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A random secret generated on first run and kept in app-data, so no two installs share one
 * (the seed's Django fell back to a shared development key).
 */
public final class InstallSecret {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private InstallSecret() {
    }

    /** Returns the 32-byte secret stored in {@code file}, creating it (owner-only) when absent or unreadable. */
    public static byte[] loadOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (HEX64.matcher(text).matches()) {
                return HexFormat.of().parseHex(text);
            }
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path tmp = Files.createTempFile(file.getParent(), ".secret", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return secret;
    }
}
