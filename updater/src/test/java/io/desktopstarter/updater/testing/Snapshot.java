package io.desktopstarter.updater.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every path under a directory with its content hash (or link target), for "byte-identical afterwards". */
public final class Snapshot {
    private Snapshot() {
    }

    public static Map<String, String> of(Path root) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    entries.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    entries.put(key + "/", "dir");
                } else {
                    entries.put(key, hash(p));
                }
            }
        }
        return entries;
    }

    /**
     * A snapshot of app-data without the updater's trust state and its lock: an authentic feed whose
     * update is then refused (not newer, wrong artifact…) still advances that state, and nothing else.
     */
    public static Map<String, String> withoutTrustState(Map<String, String> snapshot) {
        Map<String, String> rest = new TreeMap<>(snapshot);
        rest.keySet().removeIf(path -> path.equals("updates/trust.json") || path.equals("updates/.trust.lock")
                || path.equals("updates/"));
        return rest;
    }

    private static String hash(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
