package io.desktopstarter.foundation.digest;

import io.desktopstarter.foundation.files.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * sha256 as lower-case hex, files streamed (never whole in memory): the one implementation feeds,
 * kits, checksum manifests and staged-tree manifests share.
 */
public final class Sha256 {
    private Sha256() {
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    public static String hex(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Every regular file below {@code root} but {@code excluded} (relative, {@code /}-separated) → its sha256, by name. */
    public static SortedMap<String, String> tree(Path root, String excluded) throws IOException {
        SortedMap<String, String> result = new TreeMap<>();
        for (Path file : Trees.regularFiles(root)) {
            String relative = Trees.relative(root, file);
            if (!relative.equals(excluded)) {
                result.put(relative, hex(file));
            }
        }
        return result;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
