package io.desktopstarter.shell.common.diagnostics;

import io.desktopstarter.updater.settings.UpdateSettings;
import io.desktopstarter.updater.store.UpdateStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip a user attaches to a bug report (Help > Save Diagnostics…): the logs, the versions and
 * the settings, and nothing that is the user's data or a secret.
 *
 * <p>What goes in is an allow-list: {@code logs/*.log} (rolled files and {@code chromium.log}
 * included), the window geometry files, and three generated texts (versions, a settings summary,
 * the manifest). Everything else in app data stays out and is named in {@code MANIFEST.txt} with
 * the reason. Text taken from files is copied with every run of 64 or more hex digits replaced by
 * {@value #REDACTED}: the session token is 64 hex digits, so a token that reached a log (a logged
 * bootstrap URL, say) never leaves the machine; sha256 digests are hidden with it.
 *
 * <p>Entries come in a fixed order with one time stamp (the clock's), so the same app data and
 * clock give the same bytes. The zip is written to a temporary file beside the target and moved
 * into place: a failed save leaves no half-written file.
 */
public final class DiagnosticsZip {
    public static final String REDACTED = "[REDACTED]";
    /** Longer logs are cut to their last part (whole lines); the manifest says so. */
    static final long MAX_LOG_BYTES = 16L << 20;
    private static final Pattern LONG_HEX = Pattern.compile("[0-9A-Fa-f]{64,}");
    private static final Pattern WINDOW_FILE = Pattern.compile("window-[a-z0-9]+\\.properties");

    /**
     * What only the running shell knows.
     *
     * @param shell      {@code javafx} or {@code swing}
     * @param versions   the About lines and anything else the shell knows (its browser engine's versions)
     * @param updateFeed the configured feed setting as given ({@value UpdateSettings#ENVIRONMENT}); only a
     *                   cleaned form of it is written
     */
    public record Facts(String shell, List<String> versions, Optional<String> updateFeed) {
        public Facts {
            Objects.requireNonNull(shell, "shell");
            versions = List.copyOf(versions);
            Objects.requireNonNull(updateFeed, "updateFeed");
        }
    }

    /** What was saved: the zip, and the manifest's two lists. */
    public record Result(Path zip, List<String> included, List<String> leftOut) {
    }

    private final Path appData;
    private final Facts facts;
    private final Clock clock;

    public DiagnosticsZip(Path appData, Facts facts, Clock clock) {
        this.appData = Objects.requireNonNull(appData, "appData");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code desktop-java-starter-diagnostics-<date>.zip} */
    public static String defaultFileName(LocalDate date) {
        return "desktop-java-starter-diagnostics-" + date + ".zip";
    }

    /** {@code ~/Downloads} when it exists, else the home folder. */
    public static Path defaultFolder(Path home) {
        Path downloads = home.resolve("Downloads");
        return Files.isDirectory(downloads) ? downloads : home;
    }

    /**
     * Writes the zip to {@code target} (replacing a file already there). On failure nothing is left
     * behind and the exception says what went wrong.
     */
    public Result write(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(String.valueOf(folder), null, "the folder does not exist");
        }
        Instant now = clock.instant();
        List<Entry> entries = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        collect(entries, leftOut);

        List<String> included = new ArrayList<>();
        for (Entry e : entries) {
            included.add(e.describe());
        }
        List<Entry> all = new ArrayList<>();
        all.add(Entry.generated("MANIFEST.txt", manifest(now, included, leftOut)));
        all.add(Entry.generated("versions.txt", versions(now)));
        all.add(Entry.generated("settings.txt", settings()));
        all.addAll(entries);

        Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".part");
        try {
            try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(file)) {
                LocalDateTime stamp = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
                for (Entry e : all) {
                    ZipEntry z = new ZipEntry(e.name());
                    z.setTimeLocal(stamp);
                    zip.putNextEntry(z);
                    zip.write(e.content());
                    zip.closeEntry();
                }
            }
            move(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
        List<String> names = all.stream().map(Entry::name).toList();
        return new Result(absolute, names, List.copyOf(leftOut));
    }

    /**
     * The entry list is decided up front: settings files, then logs, each sorted by name, so the order
     * never depends on the file system.
     */
    private void collect(List<Entry> entries, List<String> leftOut) throws IOException {
        List<Entry> logs = new ArrayList<>();
        for (Path p : list(appData)) {
            String name = p.getFileName().toString();
            if (WINDOW_FILE.matcher(name).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                copy(p, "settings/" + name, entries, leftOut);
            } else if (name.equals("logs") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                for (Path log : list(p)) {
                    String logName = log.getFileName().toString();
                    if (logName.endsWith(".log") && Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
                        copy(log, "logs/" + logName, logs, leftOut);
                    } else {
                        leftOut.add("logs/" + logName + (Files.isDirectory(log, LinkOption.NOFOLLOW_LINKS) ? "/" : "")
                                + " — not a log file");
                    }
                }
            } else {
                leftOut.add(name + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : "") + " — " + reason(name));
            }
        }
        entries.addAll(logs);
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    /** Why a top-level item of app data stays out. Unknown items stay out too: only the allow-list goes in. */
    static String reason(String name) {
        if (name.startsWith("app.sqlite3")) {
            return "your data (the database and its journal files)";
        }
        return switch (name) {
            case "backups" -> "copies of your data (database backups)";
            case "secret.key" -> "the install's secret key";
            case "updates" -> "update downloads and the updater's trust state (summarised in settings.txt, key material left out)";
            case "chromium" -> "the browser profile (cookies, including the session cookie, and cache)";
            case "cache" -> "the unpacked browser engine and the backend's start-up (AOT) cache";
            case "instance.sock", "instance.lock", ".write-probe" -> "a run-time file";
            default -> "not known to be free of personal data";
        };
    }

    private static void copy(Path file, String entryName, List<Entry> entries, List<String> leftOut) throws IOException {
        byte[] raw;
        long size;
        try (SeekableByteChannel in = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            size = in.size();
            raw = tail(in, size);
        } catch (NoSuchFileException e) {
            leftOut.add(entryName + " — disappeared while saving (a log rolled over)");
            return;
        }
        // ISO-8859-1 maps every byte to one char and back: non-UTF-8 bytes in a log survive unchanged.
        Matcher m = LONG_HEX.matcher(new String(raw, StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder(raw.length);
        int redacted = 0;
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(REDACTED));
            redacted++;
        }
        m.appendTail(out);
        entries.add(new Entry(entryName, out.toString().getBytes(StandardCharsets.ISO_8859_1), size,
                raw.length < size ? raw.length : -1, redacted));
    }

    /** The whole file, or its last {@link #MAX_LOG_BYTES} from the first full line on. */
    private static byte[] tail(SeekableByteChannel in, long size) throws IOException {
        long start = Math.max(0, size - MAX_LOG_BYTES);
        in.position(start);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(size - start, MAX_LOG_BYTES));
        try (InputStream stream = Channels.newInputStream(in)) {
            stream.transferTo(bytes);
        }
        byte[] all = bytes.toByteArray();
        if (start == 0) {
            return all;
        }
        int firstLine = 0;
        while (firstLine < all.length && all[firstLine] != '\n') {
            firstLine++;
        }
        return Arrays.copyOfRange(all, Math.min(all.length, firstLine + 1), all.length);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String manifest(Instant now, List<String> included, List<String> leftOut) {
        StringBuilder s = new StringBuilder();
        s.append("Desktop Java Starter diagnostics\n");
        s.append("Created: ").append(now).append(" by the ").append(facts.shell()).append(" shell\n");
        s.append("App data: ").append(appData).append("\n\n");
        s.append("Included:\n");
        s.append("  MANIFEST.txt — this list\n");
        s.append("  versions.txt — app, shell, browser engine, Java runtime and OS versions\n");
        s.append("  settings.txt — update feed (address only), update state summary, window geometry files\n");
        included.forEach(line -> s.append("  ").append(line).append('\n'));
        s.append("\nLeft out on purpose:\n");
        s.append("  the session token — it is never written to app data\n");
        leftOut.forEach(line -> s.append("  ").append(line).append('\n'));
        s.append("\nIn the copied files every run of 64 or more hex digits is replaced by ").append(REDACTED)
                .append(" (the session token is 64 hex digits; sha256 digests are hidden too).\n");
        return s.toString();
    }

    private String versions(Instant now) {
        StringBuilder s = new StringBuilder();
        facts.versions().forEach(line -> s.append(line).append('\n'));
        s.append("Java VM: ").append(System.getProperty("java.vm.name", "?")).append(' ')
                .append(System.getProperty("java.vm.version", "?")).append(" (").append(System.getProperty("java.vm.vendor", "?"))
                .append(")\n");
        s.append("OS: ").append(System.getProperty("os.name", "?")).append(' ').append(System.getProperty("os.version", "?"))
                .append(' ').append(System.getProperty("os.arch", "?")).append('\n');
        s.append("Locale: ").append(Locale.getDefault().toLanguageTag()).append('\n');
        s.append("Saved: ").append(now).append('\n');
        return s.toString();
    }

    private String settings() {
        StringBuilder s = new StringBuilder();
        s.append("Update feed: ").append(facts.updateFeed().map(DiagnosticsZip::feedAddress)
                .orElse("not configured (" + UpdateSettings.ENVIRONMENT + " unset: no update checks)")).append('\n');
        s.append("Update state: ").append(updateState()).append('\n');
        Path downloads = new UpdateStore(appData).downloads();
        try {
            List<Path> files = list(downloads);
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.isRegularFile(f) ? Files.size(f) : 0;
            }
            s.append("Update downloads: ").append(files.size()).append(" item(s), ").append(bytes).append(" bytes (left out)\n");
        } catch (IOException e) {
            s.append("Update downloads: cannot be listed (").append(e.getMessage()).append(")\n");
        }
        s.append("Window geometry: the settings/window-<shell>.properties files in this zip\n");
        return s.toString();
    }

    private String updateState() {
        if (!Files.exists(new UpdateStore(appData).stateFile())) {
            return "none saved yet (no authentic feed seen)";
        }
        return switch (new UpdateStore(appData).load()) {
            case UpdateStore.Loaded.Ok ok -> "newest authentic feed published "
                    + ok.state().newestFeed().map(Instant::toString).orElse("(none)")
                    + "; " + ok.state().keyLists().size() + " accepted key list(s) (content left out)";
            case UpdateStore.Loaded.Damaged damaged -> "DAMAGED: " + damaged.reason();
        };
    }

    /**
     * The feed as an address without what could be a credential: scheme, host, port and path of a
     * URL (no user info, query or fragment); a local file is named as such.
     */
    static String feedAddress(String setting) {
        String value = setting.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return "a local file: " + value;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null) {
                return "set, but not a valid URL (value left out)";
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + Objects.requireNonNullElse(uri.getRawPath(), "");
        } catch (IllegalArgumentException e) {
            return "set, but not a valid URL (value left out)";
        }
    }

    /** One zip entry and, for copied files, what happened to it on the way in. */
    private record Entry(String name, byte[] content, long originalSize, long keptBytes, int redactions) {
        static Entry generated(String name, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return new Entry(name, bytes, bytes.length, -1, 0);
        }

        String describe() {
            return name + " — " + originalSize + " bytes"
                    + (keptBytes >= 0 ? ", cut to its last " + keptBytes + " bytes" : "")
                    + (redactions > 0 ? ", " + redactions + " hex string(s) redacted" : "");
        }
    }
}
