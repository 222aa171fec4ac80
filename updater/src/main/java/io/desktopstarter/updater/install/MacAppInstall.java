package io.desktopstarter.updater.install;

import io.desktopstarter.foundation.files.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * macOS: mounts the verified DMG read-only, copies its {@code .app} beside the installed bundle with
 * {@code ditto} (which keeps signatures, extended attributes and links), then swaps the bundles by
 * rename, keeping the old one as {@code <name>.app.previous} until the next update.
 */
public final class MacAppInstall implements Installer {
    private final Path installedApp;
    private final CommandRunner runner;

    public MacAppInstall(Path installedApp, CommandRunner runner) {
        this.installedApp = installedApp.toAbsolutePath().normalize();
        this.runner = runner;
    }

    @Override
    public InstallOutcome install(Path verifiedArtifact, String version) throws IOException, InterruptedException {
        if (!verifiedArtifact.getFileName().toString().endsWith(".dmg")) {
            return new InstallOutcome.ManualStep("open the installer package to update", List.of("open",
                    verifiedArtifact.toString()));
        }
        Path mount = Files.createTempDirectory("desktop-starter-update");
        CommandRunner.Result attach = runner.run(List.of("hdiutil", "attach", "-nobrowse", "-readonly", "-noautoopen",
                "-mountpoint", mount.toString(), verifiedArtifact.toString()), Duration.ofMinutes(2));
        if (attach.exitCode() != 0) {
            return new InstallOutcome.Failed("hdiutil attach failed: " + attach.tail(3));
        }
        try {
            Optional<Path> app;
            try (Stream<Path> list = Files.list(mount)) {
                app = list.filter(p -> p.getFileName().toString().endsWith(".app")).findFirst();
            }
            if (app.isEmpty()) {
                return new InstallOutcome.Failed("the disk image holds no .app bundle");
            }
            Path parent = installedApp.getParent();
            Path incoming = parent.resolve(installedApp.getFileName() + ".incoming");
            Path previous = parent.resolve(installedApp.getFileName() + ".previous");
            Trees.delete(incoming);
            CommandRunner.Result copy = runner.run(List.of("ditto", app.get().toString(), incoming.toString()),
                    Duration.ofMinutes(5));
            if (copy.exitCode() != 0) {
                Trees.delete(incoming);
                return new InstallOutcome.Failed("copying the new bundle failed: " + copy.tail(3));
            }
            Trees.delete(previous);
            Files.move(installedApp, previous, StandardCopyOption.ATOMIC_MOVE);
            Files.move(incoming, installedApp, StandardCopyOption.ATOMIC_MOVE);
            return new InstallOutcome.Installed(version, installedApp);
        } finally {
            runner.run(List.of("hdiutil", "detach", "-quiet", mount.toString()), Duration.ofMinutes(1));
            Files.deleteIfExists(mount);
        }
    }
}
