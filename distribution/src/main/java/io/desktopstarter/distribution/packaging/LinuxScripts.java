package io.desktopstarter.distribution.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our deb maintainer scripts for jpackage's resource directory: jpackage's own menu-entry commands
 * (its DESKTOP_* placeholders, filled in by jpackage) plus a launcher link in /usr/bin, so the app
 * starts from a terminal by its package name.
 */
public final class LinuxScripts {
    private LinuxScripts() {
    }

    public static Path write(Path resourceDir, String packageName) throws IOException {
        Files.createDirectories(resourceDir);
        String link = "/usr/bin/" + packageName;
        String target = "/opt/" + packageName + "/bin/" + packageName;
        Files.writeString(resourceDir.resolve("postinst"), """
                #!/bin/sh
                # %1$s: menu entry and icon (jpackage's commands), then the launcher on the PATH.
                set -e
                package_type=deb
                case "$1" in
                    configure)
                        # xdg-desktop-menu gives up when the menu directories do not exist yet (minimal systems).
                        mkdir -p /usr/share/applications /usr/share/desktop-directories
                DESKTOP_COMMANDS_INSTALL
                        ln -sf %3$s %2$s
                    ;;
                esac
                exit 0
                """.formatted(packageName, link, target));
        Files.writeString(resourceDir.resolve("prerm"), """
                #!/bin/sh
                # %1$s: remove the PATH link and the menu entry. App data in the users' homes stays.
                set -e
                package_type=deb
                COMMON_SCRIPTS
                DESKTOP_SCRIPTS
                case "$1" in
                    remove|upgrade|deconfigure)
                        if [ -L %2$s ]; then rm -f %2$s; fi
                        mkdir -p /usr/share/applications /usr/share/desktop-directories
                DESKTOP_COMMANDS_UNINSTALL
                    ;;
                esac
                exit 0
                """.formatted(packageName, link));
        return resourceDir;
    }
}
