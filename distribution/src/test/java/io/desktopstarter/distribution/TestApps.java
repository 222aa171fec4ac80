package io.desktopstarter.distribution;

import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.distribution.packaging.AppMetadata;

/** The app as distribution/pom.xml describes it, for tests that build packages without Maven. */
public final class TestApps {
    public static final AppMetadata META = new AppMetadata("desktop-java-starter", "Desktop Java Starter",
            "Desktop Java Starter contributors", "Desktop Java Starter <maintainers@desktopstarter.io>",
            "https://github.com/desktop-java-starter/desktop-java-starter", "Local web app shipped as a signed, self-updating desktop program",
            "Desktop Java Starter runs a local web application (a Java backend with a SQLite database) inside a desktop window. "
                    + "The backend listens on the loopback interface only and every request carries a per-session token. "
                    + "Updates are downloaded from a signed feed and verified before they are installed.", "2026", "MIT");

    private TestApps() {
    }

    /** The JavaFX shell's app on Linux x64. */
    public static AppInfo javafx(String version) {
        return new AppInfo(META, "javafx", "JavaFX", version, version.replaceFirst("[-+].*$", ""), "linux", "x64");
    }
}
