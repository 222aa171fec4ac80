package io.desktopstarter.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version and homepage Maven stamped into the jar (the homepage is the parent pom's {@code <url>}). */
public final class BuildInfo {
    private static final Properties STAMPED = load();
    private static final String VERSION = STAMPED.getProperty("version", "unknown");

    private BuildInfo() {
    }

    public static String version() {
        return VERSION;
    }

    /** Where the About page's "Project home" and "Release notes" links point. */
    public static String homepage() {
        return STAMPED.getProperty("homepage", "");
    }

    private static Properties load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/desktopstarter/core/version.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
