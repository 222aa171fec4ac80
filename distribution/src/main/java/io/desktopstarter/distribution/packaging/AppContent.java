package io.desktopstarter.distribution.packaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A folder the app image carries beside its class path (jpackage's {@code --app-content}) and the
 * system property that tells the shell where it landed: the staged backend, the Swing shell's
 * unpacked Chromium.
 */
public record AppContent(Path dir, String property) {
    public AppContent {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(property, "property");
    }

    /** The launcher option; jpackage expands {@code $APPDIR} (the image's app folder) at launch. */
    String javaOption() {
        return "-D" + property + "=$APPDIR/../" + dir.getFileName();
    }
}
