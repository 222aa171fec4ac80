package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.foundation.digest.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed, authentic release whose backend never gets healthy ({@value Releases#BROKEN}: a migration that is not
 * SQL). The portable install's smoke start of it fails, so the update rolls back to 1.0.0, says so, and the user's
 * app and data are as they were.
 */
@EnabledOnOs(OS.LINUX)
class BrokenUpdateIT {
    static Releases releases;
    static Path broken;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() throws Exception {
        releases = Releases.get();
        broken = releases.broken();
    }

    @AfterEach
    void republish() throws Exception {
        releases.publish(releases.newRelease);
    }

    @Test
    void aNewVersionThatDoesNotStartIsRolledBackAndSaysSo() throws Exception {
        User user = User.installing(tmp.resolve("home"), releases.artifact(releases.oldRelease, Releases.OLD, "tar.gz"));
        try (AppClient app = AppClient.start(user)) {
            assertThat(app.postForm("/items/new/", Map.of("name", "Steady Hoof", "status", "GALLOPING", "notes", "")))
                    .isEqualTo(303);
        }
        SortedMap<String, String> before = TreeSnapshot.of(user.install);
        Path database = user.appData().resolve("app.sqlite3");
        String databaseBefore = Sha256.hex(database);
        releases.publish(broken);

        Processes.Result update = user.update();

        assertThat(update.output()).contains("VERIFIED: " + Releases.BROKEN,
                "ROLLED-BACK: " + Releases.BROKEN + " did not start, the previous version is active again");
        assertThat(update.exit()).as(update.output()).isEqualTo(13);
        user.assertUntouched(before);
        assertThat(user.install.resolve("versions/" + Releases.BROKEN)).as("the broken version removed").doesNotExist();
        assertThat(Sha256.hex(database)).as("the user's database, byte for byte").isEqualTo(databaseBefore);
        try (AppClient app = AppClient.start(user)) {
            assertThat(app.get("/about/")).contains("<dd>" + Releases.OLD + "</dd>");
            assertThat(app.get("/items/")).contains("Steady Hoof");
        }
        System.out.println("[it] broken " + Releases.BROKEN + " rolled back: " + update.took().toMillis() + " ms");
    }
}
