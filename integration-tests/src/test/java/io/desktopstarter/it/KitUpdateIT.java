package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The air-gapped site: N's update kit carried on a USB stick, unpacked, and installed with
 * {@code --update --kit DIR --yes}. The same verifier as the connected update, and not one request to the network.
 */
@EnabledOnOs(OS.LINUX)
class KitUpdateIT {
    static Releases releases;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() throws Exception {
        releases = Releases.get();
    }

    @Test
    void theKitInstallsNWithoutTheNetworkAndKeepsTheUsersData() throws Exception {
        User user = User.installing(tmp.resolve("home"), oldArchive());
        try (AppClient app = AppClient.start(user)) {
            assertThat(app.postForm("/items/new/", Map.of("name", "Offline Oak", "status", "GALLOPING", "notes", "on site")))
                    .isEqualTo(303);
        }
        Path usb = unpackKit(tmp.resolve("usb"));
        int requests = releases.server.requests().size();

        Processes.Result update = user.update("--kit", usb.toString());

        assertThat(update.output()).contains("KIT: " + usb, "VERIFIED: " + Releases.NEW, "INSTALLED: " + Releases.NEW)
                .doesNotContain("DOWNLOADING");
        assertThat(update.exit()).as(update.output()).isZero();
        assertThat(releases.server.requests().subList(requests, releases.server.requests().size()))
                .as("nothing asked of the network").isEmpty();
        assertThat(Files.readSymbolicLink(user.install.resolve("current"))).isEqualTo(Path.of("versions", Releases.NEW));
        try (AppClient app = AppClient.start(user)) {
            assertThat(app.get("/about/")).contains("<dd>" + Releases.NEW + "</dd>");
            assertThat(app.get("/items/")).contains("Offline Oak");
        }
        System.out.println("[it] update 1.0.0 -> 1.1.0 from the kit (" + Files.size(kit()) + " bytes on the stick): "
                + update.took().toMillis() + " ms");
    }

    @Test
    void aKitWithOneByteChangedIsRefusedAndChangesNothing() throws Exception {
        User user = User.installing(tmp.resolve("home"), oldArchive());
        SortedMap<String, String> before = TreeSnapshot.of(user.install);
        Path usb = unpackKit(tmp.resolve("usb"));
        Path artifact;
        try (Stream<Path> files = Files.walk(usb)) {
            artifact = files.filter(f -> f.getFileName().toString().endsWith(".tar.gz")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(artifact, bytes);

        Processes.Result update = user.update("--kit", usb.toString());

        assertThat(update.output()).contains("REJECTED: hash-mismatch").doesNotContain("VERIFIED");
        assertThat(update.exit()).as(update.output()).isEqualTo(12);
        user.assertUntouched(before);
    }

    /** N's kit tar unpacked with {@code tar -xf} into {@code dir}, as an administrator does at the offline site. */
    private static Path unpackKit(Path dir) throws Exception {
        Files.createDirectories(dir);
        Processes.Result tar = Processes.run(dir, Map.of("PATH", "/usr/bin:/bin"), dir.resolveSibling("kit-tar.log"),
                Duration.ofMinutes(2), List.of("tar", "-xf", kit().toString()));
        assertThat(tar.exit()).as(tar.output()).isZero();
        return dir;
    }

    private static Path kit() {
        return releases.newRelease.resolve("desktop-java-starter-" + Releases.SHELL + "-linux-" + Releases.NEW + "-x64-update-kit.tar");
    }

    private static Path oldArchive() {
        return releases.artifact(releases.oldRelease, Releases.OLD, "tar.gz");
    }
}
