package io.desktopstarter.updater.install;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Hands a verified artifact to the platform. Called only with a file that passed every check, and
 * only when the shell has decided it is time (its backend stopped for formats that replace files in use).
 */
public interface Installer {
    InstallOutcome install(Path verifiedArtifact, String version) throws IOException, InterruptedException;

    /** Whether the app's backend must be stopped first: the installer replaces files the running app holds open. */
    default boolean replacesFilesInUse() {
        return false;
    }
}
