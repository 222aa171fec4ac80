package io.desktopstarter.updater.settings;

import io.desktopstarter.contract.Platform;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The machine-wide update policy an administrator writes, a properties file at the OS's
 * usual place for machine settings, writable by administrators only:
 * <pre>
 * updates = off                                   # on (default) | off: off wins over everything
 * feed = https://mirror.example.com/latest-javafx.json   # an internal mirror, or a local path
 * feed.swing = https://mirror.example.com/latest-swing.json  # per shell, wins over feed
 * ca = mirror-ca.pem                              # PEM CA for the mirror, relative to this file
 * </pre>
 * Unknown keys, a non-HTTPS URL or a CA file that cannot be read make the whole file invalid:
 * updates then stay off with the reason, rather than half-applying a policy.
 */
public record AdminPolicy(Path file, boolean updatesOff, Optional<String> feed, Map<String, String> shellFeeds,
        Optional<Path> caFile) {
    public static final String FILE_NAME = "updates.properties";
    private static final Set<String> SHELLS = Set.of("javafx", "swing");

    public AdminPolicy {
        shellFeeds = Map.copyOf(shellFeeds);
    }

    /** What was found at the policy location. */
    public sealed interface Read {
        record Absent(Path file) implements Read {
        }

        record Found(AdminPolicy policy) implements Read {
        }

        record Invalid(Path file, String reason) implements Read {
        }
    }

    /** The feed this policy sets for a shell, if any. */
    public Optional<String> feedFor(String shell) {
        return Optional.ofNullable(shellFeeds.get(shell)).or(() -> feed);
    }

    /**
     * Where the policy file is: the launcher property {@code desktopstarter.update.policy} when the
     * build set one, else {@code /etc/desktop-java-starter/}, {@code %ProgramData%\desktop-java-starter\}
     * or {@code /Library/Application Support/desktop-java-starter/}.
     */
    public static Path location(Platform.Os os, Map<String, String> environment, Optional<String> launcherProperty) {
        if (launcherProperty.isPresent() && !launcherProperty.get().isBlank()) {
            return Path.of(launcherProperty.get());
        }
        return switch (os) {
            case LINUX -> Path.of("/etc/desktop-java-starter", FILE_NAME);
            case MACOS -> Path.of("/Library/Application Support/desktop-java-starter", FILE_NAME);
            case WINDOWS -> Path.of(environment.getOrDefault("ProgramData", "C:\\ProgramData"), "desktop-java-starter", FILE_NAME);
        };
    }

    public static Read read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            return new Read.Absent(file);
        } catch (CharacterCodingException e) {
            return new Read.Invalid(file, "is not UTF-8 text");
        } catch (IOException e) {
            return new Read.Invalid(file, "cannot be read (" + e.getMessage() + ")");
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return new Read.Invalid(file, "is not a properties file (" + e.getMessage() + ")");
        }
        return parse(file, properties);
    }

    private static Read parse(Path file, Properties properties) {
        boolean off = false;
        Optional<String> feed = Optional.empty();
        Map<String, String> shellFeeds = new java.util.TreeMap<>();
        Optional<Path> ca = Optional.empty();
        for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key).strip();
            switch (key) {
                case "updates" -> {
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "on" -> off = false;
                        case "off" -> off = true;
                        default -> {
                            return new Read.Invalid(file, "says updates = " + value + "; use on or off");
                        }
                    }
                }
                case "feed" -> {
                    Optional<String> problem = feedProblem(value);
                    if (problem.isPresent()) {
                        return new Read.Invalid(file, "feed " + problem.get());
                    }
                    feed = Optional.of(value);
                }
                case "ca" -> {
                    Path caFile = file.toAbsolutePath().getParent().resolve(value);
                    if (!Files.isReadable(caFile)) {
                        return new Read.Invalid(file, "names a CA file that cannot be read: " + caFile);
                    }
                    ca = Optional.of(caFile);
                }
                default -> {
                    String shell = key.startsWith("feed.") ? key.substring("feed.".length()) : "";
                    if (!SHELLS.contains(shell)) {
                        return new Read.Invalid(file, "has an unknown setting '" + key + "' (known: updates, feed, feed.javafx, "
                                + "feed.swing, ca)");
                    }
                    Optional<String> problem = feedProblem(value);
                    if (problem.isPresent()) {
                        return new Read.Invalid(file, key + " " + problem.get());
                    }
                    shellFeeds.put(shell, value);
                }
            }
        }
        return new Read.Found(new AdminPolicy(file, off, feed, shellFeeds, ca));
    }

    /** A mirror is HTTPS, or a local path for air-gapped sites; never plain http. */
    private static Optional<String> feedProblem(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Optional.of("is empty");
        }
        if (lower.startsWith("https://")) {
            try {
                java.net.URI uri = new java.net.URI(value);
                return uri.getHost() == null ? Optional.of("has no host: " + value) : Optional.empty();
            } catch (java.net.URISyntaxException e) {
                return Optional.of("is not a valid URL: " + value);
            }
        }
        if (lower.contains("://")) {
            return Optional.of("must be an https:// URL or a local path, not " + value);
        }
        return Optional.empty();
    }
}
