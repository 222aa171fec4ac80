package io.desktopstarter.shell.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import io.desktopstarter.shell.common.instance.SingleInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --check-for-updates} without a window: one line, its own exit code, nothing else touched. */
class HeadlessUpdatesTest {
    @TempDir
    Path tmp;

    @Test
    void anAdministratorsOffIsOneLineAndItsOwnExitCode() throws Exception {
        Path policy = Files.writeString(tmp.resolve("updates.properties"), "updates = off\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = HeadlessUpdates.check("javafx", "1.0.0", tmp.resolve("app-data"), Map.of("DESKTOP_STARTER_UPDATE_FEED",
                "https://updates.example.com/latest-javafx.json"), Map.of("desktopstarter.update.policy", policy.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(ExitCode.UPDATES_OFF);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("UPDATES-OFF: your administrator turned updates off (")
                .endsWith(")\n").hasLineCount(1);
        assertThat(tmp.resolve("app-data")).doesNotExist();
    }

    @Test
    void anUpdateIsRefusedWhileTheAppRunsAndGoesAheadOnceItQuit() throws Exception {
        Path appData = tmp.resolve("app-data");
        Path policy = Files.writeString(tmp.resolve("updates.properties"), "updates = off\n");
        Map<String, String> properties = Map.of("desktopstarter.update.policy", policy.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SingleInstance.Claim running = SingleInstance.claim(appData, java.util.List.of(), args -> { });
        assertThat(running).isInstanceOf(SingleInstance.Claim.Primary.class);

        int refused = HeadlessUpdates.update("javafx", "1.0.0", appData, Map.of(), properties, java.util.Optional.empty(),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(refused).isEqualTo(ExitCode.APP_RUNNING);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("RUNNING: Desktop Java Starter is running; quit it")
                .hasLineCount(1);
        ((SingleInstance.Claim.Primary) running).instance().close();
        out.reset();

        int after = HeadlessUpdates.update("javafx", "1.0.0", appData, Map.of(), properties, java.util.Optional.empty(),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(after).as("past the lock, the policy decides").isEqualTo(ExitCode.UPDATES_OFF);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("UPDATES-OFF: ");
        assertThat(SingleInstance.claim(appData, java.util.List.of(), args -> { })).as("the update let go of the lock")
                .isInstanceOfSatisfying(SingleInstance.Claim.Primary.class, p -> {
                    try {
                        p.instance().close();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @Test
    void theKitFormNamesItsFolderAndNothingElse() {
        assertThat(HeadlessUpdates.UpdateArgs.parse(java.util.List.of("--update", "--yes")))
                .contains(new HeadlessUpdates.UpdateArgs(java.util.Optional.empty()));
        assertThat(HeadlessUpdates.UpdateArgs.parse(java.util.List.of("--update", "--kit", "/media/usb/kit", "--yes")))
                .contains(new HeadlessUpdates.UpdateArgs(java.util.Optional.of(Path.of("/media/usb/kit"))));
        assertThat(HeadlessUpdates.UpdateArgs.parse(java.util.List.of("--yes", "--update", "--kit", "kit")))
                .contains(new HeadlessUpdates.UpdateArgs(java.util.Optional.of(Path.of("kit"))));
        assertThat(HeadlessUpdates.UpdateArgs.parse(java.util.List.of("--update", "--kit", "--yes"))).isEmpty();
        assertThat(HeadlessUpdates.UpdateArgs.parse(java.util.List.of("--update", "--kit", "--yes", "kit"))).as("a flag is no folder").isEmpty();
        assertThat(HeadlessUpdates.UpdateArgs.parse(java.util.List.of("--update", "--kit", "kit"))).as("no --yes").isEmpty();
        assertThat(HeadlessUpdates.UpdateArgs.parse(java.util.List.of("--update", "--yes", "--smoke", "x"))).isEmpty();
    }

    @Test
    void aKitThisBuildCannotTrustIsRefusedWithItsCodeAndNothingIsInstalled() throws Exception {
        // This test's class path has no built-in release keys, so a kit signed by anyone is untrusted.
        io.desktopstarter.updater.testing.TestSigner signer = new io.desktopstarter.updater.testing.TestSigner();
        Path kit = tmp.resolve("usb/kit");
        io.desktopstarter.updater.testing.Release.write(kit, signer, "1.1.0", "new version".getBytes(StandardCharsets.UTF_8),
                "https://updates.example.com/", feed -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = HeadlessUpdates.update("javafx", "1.0.0", tmp.resolve("app-data"), Map.of(), Map.of(),
                java.util.Optional.of(tmp.resolve("usb")), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("KIT: " + tmp.resolve("usb") + "\nREJECTED: ")
                .hasLineCount(2);
        assertThat(code).isEqualTo(ExitCode.UPDATE_REJECTED);
    }

    @Test
    void theExitCodesOfTheChecksAreTheirOwn() {
        assertThat(java.util.List.of(ExitCode.UPDATE_AVAILABLE, ExitCode.UP_TO_DATE, ExitCode.UPDATE_REJECTED,
                ExitCode.UPDATE_ERROR, ExitCode.UPDATES_OFF, ExitCode.APP_RUNNING)).doesNotHaveDuplicates()
                .doesNotContain(ExitCode.OK, ExitCode.USAGE, ExitCode.BACKEND_FAILED_TO_START, ExitCode.BACKEND_CRASHED,
                        ExitCode.FIRST_PAGE_FAILED);
    }
}
