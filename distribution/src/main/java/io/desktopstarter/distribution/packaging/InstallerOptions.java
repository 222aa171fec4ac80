package io.desktopstarter.distribution.packaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The Windows and macOS installers' settings (pom: {@code dist.win.*}, {@code dist.mac.*}). {@code winUpgradeUuid}
 * must never change for one app: without it, the code is derived from the package name, so every version of one shell
 * upgrades the previous one.
 */
public record InstallerOptions(String winMenuGroup, boolean winPerUserInstall, boolean winDirChooser, boolean winShortcut,
        Optional<String> winUpgradeUuid, String macPackageIdentifier, String macPackageName) {
    public InstallerOptions {
        winUpgradeUuid = winUpgradeUuid.filter(s -> !s.isBlank());
        winUpgradeUuid.ifPresent(UUID::fromString);
    }

    /** The configured upgrade code, or one derived from {@code packageName}. */
    public String upgradeUuid(String packageName) {
        return winUpgradeUuid.orElseGet(() -> UUID.nameUUIDFromBytes(("io.desktopstarter:" + packageName)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }
}
