package io.desktopstarter.updater.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.foundation.files.Trees;
import io.desktopstarter.testsupport.Required;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The package-manager, macOS and Windows hand-offs (the archive extractor's refusals: foundation's TarGzExtractorTest). */
class HandOffTest {
    @TempDir
    Path tmp;

    /** Records commands; behaves like hdiutil/ditto by making or copying directories. */
    static final class Recording implements CommandRunner {
        final List<List<String>> commands = new ArrayList<>();
        final List<List<String>> launched = new ArrayList<>();

        @Override
        public Result run(List<String> command, Duration timeout) throws IOException {
            commands.add(command);
            if (command.get(0).equals("hdiutil") && command.get(1).equals("attach")) {
                Path mount = Path.of(command.get(command.indexOf("-mountpoint") + 1));
                Files.writeString(Files.createDirectories(mount.resolve("Desktop Java Starter.app/Contents")).resolve("Info.plist"), "new");
            }
            if (command.get(0).equals("hdiutil") && command.get(1).equals("detach")) {
                Trees.delete(Path.of(command.getLast()).resolve("Desktop Java Starter.app"));
            }
            if (command.get(0).equals("ditto")) {
                Path target = Files.createDirectories(Path.of(command.get(2)).resolve("Contents"));
                Files.copy(Path.of(command.get(1)).resolve("Contents/Info.plist"), target.resolve("Info.plist"));
            }
            return new Result(0, "ok");
        }

        @Override
        public void launchDetached(List<String> command) {
            launched.add(command);
        }
    }

    @Test
    void withoutRootTheExactPackageManagerCommandIsHandedBack() throws Exception {
        Recording runner = new Recording();
        Path deb = Files.writeString(tmp.resolve("app.deb"), "deb");

        InstallOutcome outcome = new PackageManagerInstall(PackageFormat.DEB, runner, false).install(deb, "1.1.0");

        assertThat(outcome).isEqualTo(new InstallOutcome.ManualStep("Installing a system package needs administrator rights. Run:\n"
                + "  sudo dpkg -i " + deb.toAbsolutePath(), List.of("sudo", "dpkg", "-i", deb.toAbsolutePath().toString())));
        assertThat(runner.commands).isEmpty();
        assertThat(new PackageManagerInstall(PackageFormat.RPM, runner, true).command(tmp.resolve("a.rpm")))
                .containsExactly("rpm", "-U", "--replacepkgs", tmp.resolve("a.rpm").toAbsolutePath().toString());
    }

    static final String PROBE = "desktop-starter-update-probe";
    static final Path PROBE_VERSION = Path.of("/opt", PROBE, "VERSION");

    @ParameterizedTest
    @EnumSource(value = PackageFormat.class, names = {"DEB", "RPM"})
    @EnabledOnOs(OS.LINUX)
    void asRootThePackageManagerUpgradesTheInstalledPackageToTheVerifiedOne(PackageFormat format)
            throws Exception {
        boolean deb = format == PackageFormat.DEB;
        Required.root("install packages with " + (deb ? "dpkg" : "rpm"));
        Required.tool(deb ? "dpkg-deb" : "rpmbuild", deb ? "dpkg" : "rpm");
        try {
            run(deb ? "dpkg" : "rpm", deb ? "-i" : "-U", probe(format, "1.0.0").toString());
            assertThat(PROBE_VERSION).hasContent("1.0.0");

            InstallOutcome outcome = new PackageManagerInstall(format, CommandRunner.SYSTEM, true)
                    .install(probe(format, "1.1.0"), "1.1.0");

            assertThat(outcome).isInstanceOf(InstallOutcome.Installed.class);
            assertThat(PROBE_VERSION).hasContent("1.1.0");
            assertThat(deb ? run("dpkg-query", "-W", "-f", "${Version}", PROBE) : run("rpm", "-q", "--qf", "%{VERSION}", PROBE))
                    .endsWith("1.1.0");
        } finally {
            CommandRunner.SYSTEM.run(deb ? List.of("dpkg", "--purge", PROBE) : List.of("rpm", "-e", PROBE), Duration.ofMinutes(1));
        }
        assertThat(PROBE_VERSION).doesNotExist();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aPackageTheManagerRefusesIsAFailureWithItsOutput() throws Exception {
        Required.root("run dpkg -i");
        Required.tool("dpkg", "dpkg");
        Path notADeb = Files.writeString(tmp.resolve("broken.deb"), "not an ar archive");

        InstallOutcome outcome = new PackageManagerInstall(PackageFormat.DEB, CommandRunner.SYSTEM, true)
                .install(notADeb, "1.1.0");

        assertThat(outcome).isInstanceOfSatisfying(InstallOutcome.Failed.class,
                f -> assertThat(f.reason()).startsWith("dpkg -i " + notADeb.toAbsolutePath() + " exited 1").contains("dpkg-deb"));
    }

    /** A one-file package writing {@code /opt/desktop-starter-update-probe/VERSION}. */
    Path probe(PackageFormat format, String version) throws Exception {
        return format == PackageFormat.DEB ? deb(version) : rpm(version);
    }

    Path deb(String version) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("deb-" + version + "/DEBIAN"));
        Files.writeString(tree.resolve("control"), "Package: " + PROBE + "\nVersion: " + version + "\nArchitecture: all\n"
                + "Maintainer: Desktop Java Starter <dev@desktopstarter.io>\nDescription: updater test package\n");
        Files.writeString(Files.createDirectories(tmp.resolve("deb-" + version + "/opt/" + PROBE)).resolve("VERSION"), version);
        Path deb = tmp.resolve(PROBE + "_" + version + ".deb");
        run("dpkg-deb", "--root-owner-group", "--build", tmp.resolve("deb-" + version).toString(), deb.toString());
        return deb;
    }

    Path rpm(String version) throws Exception {
        Path spec = Files.writeString(tmp.resolve("probe.spec"), """
                Name: %s
                Version: %%{ver}
                Release: 1
                Summary: updater test package
                License: MIT
                BuildArch: noarch
                %%description
                updater test package
                %%install
                mkdir -p %%{buildroot}/opt/%s
                printf '%%{ver}' > %%{buildroot}/opt/%s/VERSION
                %%files
                /opt/%s/VERSION
                """.formatted(PROBE, PROBE, PROBE, PROBE));
        Path top = tmp.resolve("rpmbuild");
        run("rpmbuild", "-bb", "--quiet", "--define", "_topdir " + top, "--define", "ver " + version, spec.toString());
        return top.resolve("RPMS/noarch/" + PROBE + "-" + version + "-1.noarch.rpm");
    }

    static String run(String... command) throws Exception {
        CommandRunner.Result result = CommandRunner.SYSTEM.run(List.of(command), Duration.ofMinutes(1));
        assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
        return result.output().strip();
    }

    @Test
    void macBundleIsCopiedFromTheDiskImageAndSwappedKeepingThePrevious() throws Exception {
        Recording runner = new Recording();
        Path app = Files.createDirectories(tmp.resolve("Applications/Desktop Java Starter.app/Contents"));
        Files.writeString(app.resolve("Info.plist"), "old");
        Path dmg = Files.writeString(tmp.resolve("update.dmg"), "dmg");

        InstallOutcome outcome = new MacAppInstall(tmp.resolve("Applications/Desktop Java Starter.app"), runner).install(dmg, "1.1.0");

        assertThat(outcome).isInstanceOf(InstallOutcome.Installed.class);
        assertThat(tmp.resolve("Applications/Desktop Java Starter.app/Contents/Info.plist")).hasContent("new");
        assertThat(tmp.resolve("Applications/Desktop Java Starter.app.previous/Contents/Info.plist")).hasContent("old");
        assertThat(runner.commands).extracting(c -> c.get(0) + " " + c.get(1))
                .containsExactly("hdiutil attach", "ditto " + runner.commands.get(1).get(1), "hdiutil detach");
    }

    @Test
    void windowsInstallersAreLaunchedNotWaitedFor() throws Exception {
        Recording runner = new Recording();
        Path msi = tmp.resolve("app.msi");

        assertThat(new WindowsInstallerLaunch(runner).install(msi, "1.1.0")).isEqualTo(new InstallOutcome.Launched(
                List.of("msiexec", "/i", msi.toAbsolutePath().toString(), "/passive", "/norestart")));
        assertThat(runner.launched).hasSize(1);
        assertThat(WindowsInstallerLaunch.command(tmp.resolve("setup.exe"))).containsExactly(tmp.resolve("setup.exe")
                .toAbsolutePath().toString());
    }
}
