package io.desktopstarter.shell.common.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.desktopstarter.shell.common.WindowGeometry;
import io.desktopstarter.updater.store.TrustState;
import io.desktopstarter.updater.store.UpdateStore;
import io.desktopstarter.updater.trust.AcceptedKeyList;
import io.desktopstarter.updater.trust.SignedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnostics zip of an app-data folder laid out as the backend, the shells and the updater
 * leave it: exactly the logs, versions and settings go in; the database, its backups, the secret
 * key, the browser profile, update downloads and trust-state key material stay out; the session
 * token in a log line is redacted.
 */
class DiagnosticsZipTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    /** A session token as the launcher makes one: 32 random bytes in hex. */
    static final String TOKEN = "3f9c1a7be2d04c58a9e1f60b7d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d";
    static final String SECRET = "SECRET-KEY-BYTES-never-in-the-zip";
    static final String PONY = "Private Pony Name-never-in-the-zip";
    static final String KEY_MATERIAL = "RWQtrust-state-key-material-never-in-the-zip";

    @TempDir
    Path tmp;
    Path appData;

    @BeforeEach
    void appData() throws Exception {
        appData = Files.createDirectories(tmp.resolve("app-data"));
        Path logs = Files.createDirectories(appData.resolve("logs"));
        Files.writeString(logs.resolve("backend.log"), """
                2026-11-23T11:59:00Z INFO  Serving on 127.0.0.1:41234
                2026-11-23T11:59:01Z DEBUG GET /desktop-auth/bootstrap/?token=%s&next=/items/ 302
                2026-11-23T11:59:02Z INFO  upper case too: %s
                """.formatted(TOKEN, TOKEN.toUpperCase()));
        Files.writeString(logs.resolve("backend.1.log"), "2026-11-22T10:00:00Z INFO  rolled over\n");
        Files.writeString(logs.resolve("worker.log"), "2026-11-23T11:59:00Z INFO  Task worker started\n");
        Files.write(logs.resolve("chromium.log"), new byte[] {'[', (byte) 0xff, ']', ' ', 'n', 'o', 't', ' ', 'U', 'T', 'F',
                '-', '8', '\n'});
        Files.writeString(logs.resolve("notes.txt"), PONY);
        Files.createSymbolicLink(logs.resolve("sneaky.log"), appData.resolve("secret.key"));

        Files.writeString(appData.resolve("secret.key"), SECRET);
        Files.writeString(appData.resolve("app.sqlite3"), "SQLite format 3\0" + PONY);
        Files.writeString(appData.resolve("app.sqlite3-wal"), PONY);
        Files.createDirectories(appData.resolve("backups"));
        Files.writeString(appData.resolve("backups/app-v2-20261101T000000Z.sqlite3"), PONY);
        Files.createDirectories(appData.resolve("chromium/default"));
        Files.writeString(appData.resolve("chromium/default/Cookies"), "desktop_auth_token=" + TOKEN);
        Files.createDirectories(appData.resolve("cache/jcef"));
        Files.writeString(appData.resolve("instance.lock"), "");
        Files.writeString(appData.resolve("mystery.txt"), PONY);

        UpdateStore store = new UpdateStore(appData);
        store.save(TrustState.EMPTY.withFeed(Instant.parse("2026-11-20T00:00:00Z")).withKeyList(new AcceptedKeyList(
                new SignedDocument(KEY_MATERIAL.getBytes(StandardCharsets.UTF_8), "untrusted comment: x\n" + KEY_MATERIAL),
                Instant.parse("2026-11-21T00:00:00Z"))));
        Files.createDirectories(store.downloads());
        Files.writeString(store.downloads().resolve("desktop-java-starter-1.1.0.tar.gz"), PONY);

        new WindowGeometry(10, 20, 1000, 700, false).save(WindowGeometry.file(appData, "javafx"));
        new WindowGeometry(30, 40, 1200, 800, true).save(WindowGeometry.file(appData, "swing"));
    }

    DiagnosticsZip zip(Optional<String> feed) {
        return new DiagnosticsZip(appData, new DiagnosticsZip.Facts("javafx",
                List.of("Version: 1.2.3", "Shell: JavaFX 26 WebView", "Runtime: OpenJDK Runtime Environment 25"), feed), CLOCK);
    }

    @Test
    void holdsExactlyTheLogsVersionsAndSettingsInAFixedOrder() throws Exception {
        Path target = tmp.resolve("out/diag.zip");
        Files.createDirectories(target.getParent());

        DiagnosticsZip.Result result = zip(Optional.of("https://ci:hunter2@updates.example.com:8443/javafx/latest.json?key=abc#x"))
                .write(target);

        Map<String, byte[]> entries = read(target);
        List<String> expected = List.of("MANIFEST.txt", "versions.txt", "settings.txt",
                "settings/window-javafx.properties", "settings/window-swing.properties",
                "logs/backend.1.log", "logs/backend.log", "logs/chromium.log", "logs/worker.log");
        assertThat(entries.keySet()).containsExactlyElementsOf(expected);
        assertThat(result.included()).containsExactlyElementsOf(expected);
        assertThat(result.zip()).isEqualTo(target.toAbsolutePath());

        // Nothing of the user's data, the secret key, the browser profile or the trust state's keys.
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String text = new String(e.getValue(), StandardCharsets.ISO_8859_1);
            assertThat(text).as(e.getKey()).doesNotContain(TOKEN).doesNotContainIgnoringCase(TOKEN)
                    .doesNotContain(SECRET).doesNotContain(PONY).doesNotContain(KEY_MATERIAL).doesNotContain("hunter2")
                    .doesNotContain("key=abc");
        }

        String backendLog = text(entries, "logs/backend.log");
        assertThat(backendLog).contains("Serving on 127.0.0.1:41234")
                .contains("bootstrap/?token=[REDACTED]&next=/items/ 302")
                .contains("upper case too: [REDACTED]");
        assertThat(entries.get("logs/chromium.log")).as("bytes that are not UTF-8 survive")
                .isEqualTo(Files.readAllBytes(appData.resolve("logs/chromium.log")));
        assertThat(text(entries, "settings/window-swing.properties")).contains("maximized=true");

        assertThat(text(entries, "versions.txt")).contains("Version: 1.2.3", "Shell: JavaFX 26 WebView", "Runtime: ", "OS: ");
        String settings = text(entries, "settings.txt");
        assertThat(settings).contains("Update feed: https://updates.example.com:8443/javafx/latest.json\n")
                .contains("newest authentic feed published 2026-11-20T00:00:00Z; 1 accepted key list(s) (content left out)")
                .contains("Update downloads: 1 item(s)");

        String manifest = text(entries, "MANIFEST.txt");
        assertThat(manifest).contains("logs/backend.log — ", "2 hex string(s) redacted")
                .contains("app.sqlite3 — your data", "app.sqlite3-wal — your data", "backups/ — copies of your data",
                        "secret.key — the install's secret key", "chromium/ — the browser profile", "cache/ — ",
                        "updates/ — update downloads and the updater's trust state", "logs/notes.txt — not a log file",
                        "logs/sneaky.log — not a log file", "the session token — it is never written to app data");
        assertThat(result.leftOut()).containsExactly(
                "app.sqlite3 — your data (the database and its journal files)",
                "app.sqlite3-wal — your data (the database and its journal files)",
                "backups/ — copies of your data (database backups)",
                "cache/ — the unpacked browser engine and the backend's start-up (AOT) cache",
                "chromium/ — the browser profile (cookies, including the session cookie, and cache)",
                "instance.lock — a run-time file",
                "logs/notes.txt — not a log file",
                "logs/sneaky.log — not a log file",
                "mystery.txt — not known to be free of personal data",
                "secret.key — the install's secret key",
                "updates/ — update downloads and the updater's trust state (summarised in settings.txt, key material left out)");
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertThat(left).as("no temporary file left").containsExactly(target);
        }
    }

    @Test
    void anyRunOfSixtyFourOrMoreHexDigitsIsRedactedShorterOnesStay() throws Exception {
        String random = HexFormat.of().formatHex(new byte[40]).replace('0', 'a'); // 80 hex digits
        String hash = "b".repeat(63);
        Files.writeString(appData.resolve("logs/backend.log"), "long " + random + " short " + hash + " end\n");

        Map<String, byte[]> entries = read(zip(Optional.empty()).write(tmp.resolve("d.zip")).zip());

        assertThat(text(entries, "logs/backend.log")).isEqualTo("long [REDACTED] short " + hash + " end\n");
        assertThat(text(entries, "settings.txt")).contains("Update feed: not configured");
    }

    @Test
    void sameAppDataAndClockGiveTheSameBytes() throws Exception {
        Path first = zip(Optional.empty()).write(tmp.resolve("a.zip")).zip();
        Path second = zip(Optional.empty()).write(tmp.resolve("b.zip")).zip();

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void aTargetThatCannotBeWrittenLeavesNothingBehind() throws Exception {
        Path missing = tmp.resolve("no-such-folder/diag.zip");
        assertThatThrownBy(() -> zip(Optional.empty()).write(missing)).isInstanceOf(NoSuchFileException.class);
        assertThat(SaveDiagnostics.why((Exception) catchThrowable(() -> zip(Optional.empty()).write(missing))))
                .isEqualTo("the folder " + missing.getParent() + " does not exist");

        Path occupied = Files.createDirectories(tmp.resolve("out/diag.zip"));
        Files.writeString(occupied.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> zip(Optional.empty()).write(occupied)).isInstanceOf(IOException.class);
        try (Stream<Path> left = Files.list(tmp.resolve("out"))) {
            assertThat(left).containsExactly(occupied);
        }
        assertThat(occupied.resolve("keep.txt")).hasContent("x");
    }

    @Test
    void theFeedSettingIsReducedToItsAddress() {
        assertThat(DiagnosticsZip.feedAddress("https://updates.example.com/javafx/latest.json"))
                .isEqualTo("https://updates.example.com/javafx/latest.json");
        assertThat(DiagnosticsZip.feedAddress(" HTTPS://u:p@h.example/f.json?sig=1 ")).isEqualTo("https://h.example/f.json");
        assertThat(DiagnosticsZip.feedAddress("/media/usb/kit/latest.json")).isEqualTo("a local file: /media/usb/kit/latest.json");
        assertThat(DiagnosticsZip.feedAddress("https://bad host/")).isEqualTo("set, but not a valid URL (value left out)");
    }

    @Test
    void theSuggestedFileIsDatedAndInDownloadsWhenThereIsOne() throws Exception {
        assertThat(DiagnosticsZip.defaultFileName(LocalDate.of(2026, 11, 23)))
                .isEqualTo("desktop-java-starter-diagnostics-2026-11-23.zip");
        Path home = Files.createDirectories(tmp.resolve("home"));
        assertThat(DiagnosticsZip.defaultFolder(home)).isEqualTo(home);
        Files.createDirectories(home.resolve("Downloads"));
        assertThat(DiagnosticsZip.defaultFolder(home)).isEqualTo(home.resolve("Downloads"));
    }

    static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                entries.put(e.getName(), z.readAllBytes());
            }
        }
        return entries;
    }

    static String text(Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }
}
