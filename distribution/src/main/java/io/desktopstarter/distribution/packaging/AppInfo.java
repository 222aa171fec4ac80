package io.desktopstarter.distribution.packaging;

/**
 * What the packages say about the app. {@code packageVersion} is the numeric part of the project
 * version, because deb and rpm versions (and jpackage) refuse suffixes like {@code -SNAPSHOT}.
 */
public record AppInfo(String shell, String version, String os, String arch) {
    public static final String APP_ID = "desktop-java-starter";
    public static final String DISPLAY_NAME = "Desktop Java Starter";
    public static final String VENDOR = "Desktop Java Starter contributors";
    public static final String MAINTAINER = "Desktop Java Starter <maintainers@desktopstarter.io>";
    public static final String HOMEPAGE = "https://github.com/desktopstarter/desktop-java-starter";
    /** One line: Debian's synopsis rules (no leading article, under 80 characters) suit every format. */
    public static final String DESCRIPTION = "Local web app shipped as a signed, self-updating desktop program";
    public static final String LONG_DESCRIPTION = """
            Desktop Java Starter runs a local web application (a Java backend with a
            SQLite database) inside a desktop window. The backend listens on the loopback
            interface only and every request carries a per-session token. Updates are
            downloaded from a signed feed and verified before they are installed.""";

    public AppInfo {
        if (!shell.matches("javafx|swing")) {
            throw new IllegalArgumentException("shell must be javafx or swing, not " + shell);
        }
    }

    /** {@code desktop-java-starter-javafx}: the package, launcher and install directory name. */
    public String packageName() {
        return APP_ID + "-" + shell;
    }

    /** The menu name, e.g. {@code Desktop Java Starter (JavaFX)}. */
    public String displayName() {
        return DISPLAY_NAME + " (" + (shell.equals("javafx") ? "JavaFX" : "Swing") + ")";
    }

    public String packageVersion() {
        return version.replaceFirst("[-+].*$", "");
    }

    /** {@code desktop-java-starter-<shell>-<os>-<version>-<arch>.<ext>} (DESIGN.md "Names"). */
    public String artifactName(String extension) {
        return packageName() + "-" + os + "-" + version + "-" + arch + "." + extension;
    }

    public String manifestName() {
        return packageName() + "-" + os + "-" + version + "-sha256.txt";
    }
}
