package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.testsupport.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 1.0.0 deb installed with {@code dpkg -i} (as root, as an administrator does) finds 1.1.0's deb on the same feed
 * and {@code --update --yes} hands it to dpkg: the package is 1.1.0 afterwards, and uninstalling it leaves nothing.
 */
@EnabledOnOs(OS.LINUX)
class DebUpdateIT {
    static final String PACKAGE = "desktop-java-starter-" + Releases.SHELL;
    static Releases releases;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() throws Exception {
        Required.root("install the deb with dpkg -i");
        Required.tool("dpkg", "dpkg");
        releases = Releases.get();
    }

    @AfterEach
    void purge() throws Exception {
        dpkg("--purge", PACKAGE);
    }

    @Test
    void theInstalledDebUpdatesItselfThroughDpkg() throws Exception {
        dpkg("--purge", PACKAGE);
        Processes.Result install = dpkg("-i", releases.artifact(releases.oldRelease, Releases.OLD, "deb").toString());
        assertThat(install.exit()).as(install.output()).isZero();
        assertThat(installedVersion()).as("the deb revision follows the version").startsWith(Releases.OLD + "-");
        // root's login PATH (dpkg needs ldconfig and start-stop-daemon from sbin)
        Map<String, String> session = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", tmp.toString(),
                "XDG_DATA_HOME", tmp.resolve(".local/share").toString());
        long size = Files.size(releases.artifact(releases.newRelease, Releases.NEW, "deb"));

        Processes.Result check = Processes.run(tmp, session, tmp.resolve("check.log"), Duration.ofMinutes(2),
                List.of(PACKAGE, "--check-for-updates"));
        assertThat(check.output()).contains("AVAILABLE: " + Releases.NEW + " (" + size + " bytes)");
        assertThat(check.exit()).isEqualTo(10);

        Processes.Result update = Processes.run(tmp, session, tmp.resolve("update.log"), Duration.ofMinutes(10),
                List.of(PACKAGE, "--update", "--yes"));

        assertThat(update.output()).contains("VERIFIED: " + Releases.NEW, "INSTALLED: " + Releases.NEW);
        assertThat(update.exit()).as(update.output()).isZero();
        assertThat(installedVersion()).startsWith(Releases.NEW + "-");
        Processes.Result after = Processes.run(tmp, session, tmp.resolve("check2.log"), Duration.ofMinutes(2),
                List.of(PACKAGE, "--check-for-updates"));
        assertThat(after.output()).contains("UP-TO-DATE: " + Releases.NEW);
        System.out.println("[it] deb update 1.0.0 -> 1.1.0 with --update --yes (dpkg -i): " + update.took().toMillis()
                + " ms, download " + size + " bytes");
    }

    private String installedVersion() throws Exception {
        Processes.Result q = Processes.run(tmp, Map.of("PATH", "/usr/bin:/bin"), tmp.resolve("dpkg-query.log"), Duration.ofMinutes(1),
                List.of("dpkg-query", "-W", "-f=${Version}", PACKAGE));
        return q.output().strip();
    }

    private Processes.Result dpkg(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg"));
        command.addAll(List.of(args));
        return Processes.run(tmp, Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), tmp.resolve("dpkg-" + System.nanoTime() + ".log"),
                Duration.ofMinutes(5), command);
    }
}
