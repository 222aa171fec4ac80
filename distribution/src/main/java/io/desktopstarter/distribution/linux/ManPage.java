package io.desktopstarter.distribution.linux;

import io.desktopstarter.distribution.packaging.AppInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code man <package>}: the launcher's options, where app data lives, and the update feed variable. */
final class ManPage {
    private ManPage() {
    }

    static String of(AppInfo app, Instant date) {
        String name = app.packageName();
        return """
                .TH %1$s 1 "%2$s" "%3$s" "User Commands"
                .SH NAME
                %1$s \\- %4$s
                .SH SYNOPSIS
                .B %1$s
                [\\fB\\-\\-smoke\\fR] [\\fB\\-\\-backend=\\fIDIR\\fR | \\fB\\-\\-dev\\-backend=\\fIDIR\\fR] [\\fB\\-\\-splash\\-min\\-ms=\\fIN\\fR] [\\fB\\-\\-start\\-page=\\fIPATH\\fR]
                .SH DESCRIPTION
                Opens the %5$s window and starts its local backend (a Java server on the loopback
                interface, with a per-session token) from \\fI/opt/%1$s/lib/staged-backend\\fR.
                .SH OPTIONS
                .TP
                .B \\-\\-smoke
                Start, wait for the first page, print one JSON timing line and quit (exit status 0 on success).
                .TP
                .BI \\-\\-backend= DIR
                Use another staged backend tree.
                .TP
                .BI \\-\\-dev\\-backend= DIR
                Run the backend from its build output (development).
                .TP
                .BI \\-\\-splash\\-min\\-ms= N
                Keep the splash screen up at least N milliseconds (default 1200).
                .TP
                .BI \\-\\-start\\-page= PATH
                Local page to open first (default /items/).
                .TP
                .B \\-\\-check\\-for\\-updates
                Check for an update without opening a window; print one line (AVAILABLE, UP-TO-DATE, the
                rejection code, UPDATES-OFF or ERROR) and exit 10 (available), 11 (up to date), 12 (rejected),
                13 (error) or 14 (updates are off).
                .TP
                .B \\-\\-update \\-\\-yes
                Download, verify and install the update without opening a window, through the same checks and
                install step as Help > Check for Updates; print a DOWNLOADING line per 10 %%, then INSTALLED and
                exit 0. Refused with a RUNNING line and exit 15 while the app is open (quit it first); otherwise
                the exit codes of \\-\\-check\\-for\\-updates, and 13 when the new version did not start (the previous
                one is active again) or the package manager needs root (the command to run is printed).
                .SH FILES
                .TP
                .I /etc/desktop-java-starter/updates.properties
                The administrator's update policy: updates = off, a mirror (feed = https://...) and its CA
                (ca = file.pem). An invalid file keeps updates off. Without it the app uses the feed built in.
                .SH ENVIRONMENT
                .TP
                .B DESKTOP_STARTER_UPDATE_FEED
                Another signed update feed (https URL or file) than the one built in; the administrator's
                updates = off still wins.
                .TP
                .B XDG_DATA_HOME
                App data (database, logs, update state) goes to \\fI$XDG_DATA_HOME/desktop-java-starter\\fR
                (default \\fI~/.local/share/desktop-java-starter\\fR). Removing the package keeps it.
                .SH SEE ALSO
                %6$s
                """.formatted(name, DateTimeFormatter.ISO_LOCAL_DATE.format(date.atOffset(ZoneOffset.UTC)), app.version(),
                app.meta().description().toLowerCase(java.util.Locale.ROOT), app.displayName(), app.meta().homepage());
    }
}
