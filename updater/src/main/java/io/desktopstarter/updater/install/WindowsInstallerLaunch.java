package io.desktopstarter.updater.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Windows: the MSI or EXE installer replaces the app, so it can only run once the app has let go of
 * its files. The shell stops its backend, calls this, and quits; the installer takes over.
 */
public final class WindowsInstallerLaunch implements Installer {
    private final CommandRunner runner;

    public WindowsInstallerLaunch(CommandRunner runner) {
        this.runner = runner;
    }

    public static List<String> command(Path artifact) {
        String file = artifact.toAbsolutePath().toString();
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".msi")
                ? List.of("msiexec", "/i", file, "/passive", "/norestart")
                : List.of(file);
    }

    @Override
    public boolean replacesFilesInUse() {
        return true;
    }

    @Override
    public InstallOutcome install(Path verifiedArtifact, String version) throws IOException {
        List<String> command = command(verifiedArtifact);
        runner.launchDetached(command);
        return new InstallOutcome.Launched(command);
    }
}
