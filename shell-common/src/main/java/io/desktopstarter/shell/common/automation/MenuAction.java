package io.desktopstarter.shell.common.automation;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The menu items both shells have, by the stable id the driver's {@code menu} command takes. */
public enum MenuAction {
    OPEN_APP_DATA("open-app-data"),
    INSTALL_UPDATE_FROM_FILE("install-update-from-file"),
    QUIT("quit"),
    CHECK_FOR_UPDATES("check-for-updates"),
    SAVE_DIAGNOSTICS("save-diagnostics"),
    ABOUT("about");

    private final String id;

    MenuAction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<MenuAction> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }

    /** The ids, comma-separated, for an error message. */
    static String ids() {
        return Arrays.stream(values()).map(MenuAction::id).collect(Collectors.joining(", "));
    }
}
