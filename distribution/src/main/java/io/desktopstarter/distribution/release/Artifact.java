package io.desktopstarter.distribution.release;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One release file. {@code platform} is its update-feed key ({@code linux-x64-deb}) for installers
 * the updater can apply; manifests, signatures and kits have none.
 */
public record Artifact(Path file, long size, String sha256, Optional<String> platform) {
    public String name() {
        return file.getFileName().toString();
    }
}
