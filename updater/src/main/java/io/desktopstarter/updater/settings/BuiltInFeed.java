package io.desktopstarter.updater.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * The feed location the distribution build wrote into the app ({@code -Drelease.feedUrl}), beside
 * the built-in release keys: the resource {@value #RESOURCE}, one line {@code feed=https://…}.
 * Without it (a development build) there is no built-in feed.
 */
public final class BuiltInFeed {
    public static final String RESOURCE = "io/desktopstarter/updater/update-feed.properties";
    public static final String KEY = "feed";

    private BuiltInFeed() {
    }

    public static Optional<String> load(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Optional<String> parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        String feed = properties.getProperty(KEY, "").strip();
        return feed.isEmpty() ? Optional.empty() : Optional.of(feed);
    }

    /** The resource's content for a feed URL, as the distribution writes it. */
    public static String content(String feedUrl) {
        return "# Written by the distribution build: where this app looks for updates.\n" + KEY + "=" + feedUrl + "\n";
    }
}
