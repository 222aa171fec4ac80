package io.desktopstarter.updater.feed;

import java.net.URI;
import java.util.Objects;

/**
 * One platform's artifact in the feed: where to get it and what it must be.
 *
 * @param signature the artifact's {@code .minisig} file content (decoded from the feed's base64)
 */
public record PlatformEntry(URI url, String sha256, long size, String signature) {
    public PlatformEntry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(signature, "signature");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive");
        }
    }

    /** The file name the artifact is saved under: the last segment of the URL's path. */
    public String fileName() {
        String path = url.getPath() == null ? "" : url.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "update.bin" : name;
    }
}
