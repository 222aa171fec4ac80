package io.desktopstarter.updater.install;

import io.desktopstarter.contract.PackageFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * deb/rpm: the system package manager installs the update (it owns /opt and the menu entries). As
 * root the command runs; otherwise the exact command is handed back for the user to run with sudo,
 * because an updater that asks for a root password by itself teaches users a bad habit.
 */
public final class PackageManagerInstall implements Installer {
    private final PackageFormat format;
    private final CommandRunner runner;
    private final boolean privileged;

    /** @param format {@link PackageFormat#DEB} (dpkg) or {@link PackageFormat#RPM} (rpm) */
    public PackageManagerInstall(PackageFormat format, CommandRunner runner, boolean privileged) {
        if (format != PackageFormat.DEB && format != PackageFormat.RPM) {
            throw new IllegalArgumentException("no system package manager installs " + format + " files");
        }
        this.format = format;
        this.runner = runner;
        this.privileged = privileged;
    }

    public List<String> command(Path artifact) {
        String file = artifact.toAbsolutePath().toString();
        return switch (format) {
            case DEB -> List.of("dpkg", "-i", file);
            case RPM -> List.of("rpm", "-U", "--replacepkgs", file);
            case TAR_GZ, MSI, EXE, DMG, PKG -> throw new IllegalStateException("refused in the constructor: " + format);
        };
    }

    @Override
    public InstallOutcome install(Path verifiedArtifact, String version) throws IOException, InterruptedException {
        List<String> command = command(verifiedArtifact);
        if (!privileged) {
            List<String> sudo = new ArrayList<>();
            sudo.add("sudo");
            sudo.addAll(command);
            return new InstallOutcome.ManualStep("Installing a system package needs administrator rights. Run:\n  "
                    + String.join(" ", sudo), sudo);
        }
        CommandRunner.Result result = runner.run(command, Duration.ofMinutes(10));
        if (result.exitCode() != 0) {
            return new InstallOutcome.Failed(String.join(" ", command) + " exited " + result.exitCode() + ": "
                    + result.tail(5));
        }
        return new InstallOutcome.Installed(version, verifiedArtifact);
    }
}
