package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed N-1 portable app, started as a user starts it (no environment variable), asks the real HTTPS feed
 * of the real N release: {@code --check-for-updates} through the feed URL built into it and the administrator's
 * policy file (the CA of the mirror, or updates off).
 */
@EnabledOnOs(OS.LINUX)
class CheckForUpdatesIT {
    static Releases releases;

    @TempDir
    Path tmp;
    User user;

    @BeforeAll
    static void build() throws Exception {
        releases = Releases.get();
    }

    @BeforeEach
    void install() throws Exception {
        releases.writePolicy("ca = test-ca.pem\n");
        user = User.installing(tmp.resolve("home"), releases.artifact(releases.oldRelease, Releases.OLD, "tar.gz"));
    }

    @AfterEach
    void restore() throws Exception {
        releases.writePolicy("ca = test-ca.pem\n");
        releases.publish(releases.newRelease);
    }

    @Test
    void theOlderInstallFindsTheNewReleaseOnItsBuiltInFeed() throws Exception {
        long size = Files.size(releases.artifact(releases.newRelease, Releases.NEW, "tar.gz"));
        int before = releases.server.requests().size();

        Processes.Result check = user.launch(Duration.ofMinutes(2), "--check-for-updates");

        assertThat(check.output()).as("exit %d", check.exit()).contains("AVAILABLE: " + Releases.NEW + " (" + size + " bytes)");
        assertThat(check.exit()).as(check.output()).isEqualTo(10);
        assertThat(releases.server.requests().subList(before, releases.server.requests().size()))
                .contains("GET /" + Releases.FEED, "GET /" + Releases.FEED + ".minisig");
        assertThat(user.appData().resolve("updates/trust.json")).as("the authentic feed is remembered in the user's app data")
                .exists();
        System.out.println("[it] check-for-updates (available): " + check.took().toMillis() + " ms; update download "
                + size + " bytes; " + firstLine(check.output()));
    }

    @Test
    void anAdministratorsUpdatesOffStopsTheCheckBeforeAnyRequest() throws Exception {
        releases.writePolicy("updates = off\nca = test-ca.pem\n");
        int before = releases.server.requests().size();

        Processes.Result check = user.launch(Duration.ofMinutes(2), "--check-for-updates");

        assertThat(check.output()).contains("UPDATES-OFF: ");
        assertThat(check.exit()).as(check.output()).isEqualTo(14);
        assertThat(releases.server.requests()).hasSize(before);
    }

    @Test
    void aFeedWithOneByteChangedIsRejectedAndNothingIsRemembered() throws Exception {
        Path feed = releases.newRelease.resolve(Releases.FEED);
        String original = Files.readString(feed);
        String tampered = original.replaceFirst("\"version\"\\s*:\\s*\"1\\.1\\.0\"", "\"version\":\"1.1.1\"");
        // exactly one byte differs when the feed is written without spaces; otherwise change the last digit only
        if (tampered.length() != original.length()) {
            Matcher m = Pattern.compile("\"version\"(\\s*:\\s*)\"1\\.1\\.0\"").matcher(original);
            assertThat(m.find()).isTrue();
            tampered = original.substring(0, m.end() - 2) + "1" + original.substring(m.end() - 1);
        }
        assertThat(differingBytes(original, tampered)).isEqualTo(1);
        releases.server.put("/" + Releases.FEED, tampered.getBytes());

        Processes.Result check = user.launch(Duration.ofMinutes(2), "--check-for-updates");

        assertThat(check.output()).contains("REJECTED: bad-signature");
        assertThat(check.exit()).as(check.output()).isEqualTo(12);
        assertThat(user.appData().resolve("updates/trust.json")).as("a feed failing its signature is not remembered")
                .doesNotExist();
    }

    private static int differingBytes(String a, String b) {
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            n += a.charAt(i) == b.charAt(i) ? 0 : 1;
        }
        return n;
    }

    private static String firstLine(String output) {
        return output.lines().filter(l -> l.matches("^[A-Z-]+: .*")).findFirst().orElse("");
    }
}
