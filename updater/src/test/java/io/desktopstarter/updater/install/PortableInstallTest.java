package io.desktopstarter.updater.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.updater.testing.AppImages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PortableInstallTest {
    @TempDir
    Path tmp;
    Path root;
    List<PortableInstall.Step> steps = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        root = AppImages.installed(tmp.resolve("app"), "1.0.0");
    }

    PortableInstall install() {
        return new PortableInstall(root, SmokeCheck.launcher(AppImages.LAUNCHER, CommandRunner.SYSTEM, Duration.ofSeconds(20)),
                steps::add);
    }

    /** What a user gets when starting the app now: the active launcher's output. */
    String launch() throws Exception {
        CommandRunner.Result result = CommandRunner.SYSTEM.run(List.of(root.resolve("current").resolve(AppImages.LAUNCHER)
                .toString()), Duration.ofSeconds(10));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output().strip();
    }

    @Test
    void swapsToTheNewVersionAndKeepsThePreviousOne() throws Exception {
        Path archive = AppImages.archive(tmp.resolve("update.tar.gz"), "1.1.0", true);

        InstallOutcome outcome = install().install(archive, "1.1.0");

        assertThat(outcome).isEqualTo(new InstallOutcome.Installed("1.1.0", root.resolve("versions/1.1.0")));
        assertThat(launch()).isEqualTo("version 1.1.0");
        assertThat(Files.isExecutable(root.resolve("versions/1.1.0").resolve(AppImages.LAUNCHER))).isTrue();
        assertThat(root.resolve("versions/1.0.0")).isDirectory();
        assertThat(root.resolve(".incoming")).doesNotExist();
        assertThat(steps).containsExactly(PortableInstall.Step.values());
    }

    @Test
    void aNewVersionThatFailsItsSmokeStartIsRolledBack() throws Exception {
        Path archive = AppImages.archive(tmp.resolve("update.tar.gz"), "1.1.0", false);

        InstallOutcome outcome = install().install(archive, "1.1.0");

        assertThat(outcome).isInstanceOfSatisfying(InstallOutcome.RolledBack.class,
                r -> assertThat(r.reason()).contains("exited 3").contains("backend did not start"));
        assertThat(launch()).isEqualTo("version 1.0.0");
        assertThat(root.resolve("versions/1.1.0")).doesNotExist();
    }

    @Test
    void onlyTheActiveAndThePreviousVersionsAreKept() throws Exception {
        install().install(AppImages.archive(tmp.resolve("a.tar.gz"), "1.1.0", true), "1.1.0");
        install().install(AppImages.archive(tmp.resolve("b.tar.gz"), "1.2.0", true), "1.2.0");

        assertThat(launch()).isEqualTo("version 1.2.0");
        try (var list = Files.list(root.resolve("versions"))) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("1.1.0", "1.2.0");
        }
        assertThat(install().rollBack()).contains("1.1.0");
        assertThat(launch()).isEqualTo("version 1.1.0");
    }

    @Test
    void anArchiveWithoutTheAnnouncedVersionChangesNothing() throws Exception {
        Path archive = AppImages.archive(tmp.resolve("update.tar.gz"), "1.1.0", true);

        assertThat(install().install(archive, "1.2.0")).isInstanceOf(InstallOutcome.Failed.class);
        assertThat(launch()).isEqualTo("version 1.0.0");
        assertThat(root.resolve(".incoming")).doesNotExist();
    }

    @Test
    void anInstallationNotInThePortableLayoutGetsAManualStep() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        PortableInstall install = new PortableInstall(plain, dir -> Optional.empty(), step -> { });

        assertThat(install.install(tmp.resolve("x.tar.gz"), "1.1.0")).isInstanceOf(InstallOutcome.ManualStep.class);
    }

    @ParameterizedTest
    @EnumSource(value = PortableInstall.Step.class, names = {"CLEANED", "EXTRACTED", "MOVED_INTO_PLACE", "SWITCHED"})
    void aProcessKilledBetweenStepsLeavesALaunchableInstall(PortableInstall.Step killAt) throws Exception {
        Path archive = AppImages.archive(tmp.resolve("update.tar.gz"), "1.1.0", true);
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), PortableInstallCrashMain.class.getName(), root.toString(),
                archive.toString(), "1.1.0", killAt.name()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("STEP " + killAt)) {
                assertThat(line).startsWith("STEP ");
            }
            assertThat(line).as("the child reached the step").isEqualTo("STEP " + killAt);
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        String version = launch();
        assertThat(version).isIn("version 1.0.0", "version 1.1.0");
        assertThat(version).isEqualTo(killAt == PortableInstall.Step.SWITCHED ? "version 1.1.0" : "version 1.0.0");

        // The next attempt cleans up after the killed one and completes.
        if (killAt != PortableInstall.Step.SWITCHED) {
            assertThat(install().install(archive, "1.1.0")).isInstanceOf(InstallOutcome.Installed.class);
            assertThat(launch()).isEqualTo("version 1.1.0");
            assertThat(root.resolve(".incoming")).doesNotExist();
        }
    }
}
