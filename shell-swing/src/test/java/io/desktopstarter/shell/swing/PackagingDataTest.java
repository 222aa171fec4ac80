package io.desktopstarter.shell.swing;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.ShellPackaging;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The data the distribution packages this shell by: the main class and icon exist, and the natives pattern matches
 * the jcefmaven natives jar that is really on the class path (else the installer would ship Chromium twice or not at all).
 */
class PackagingDataTest {
    @Test
    void theDistributionLaunchesThisShellsMainClassWithItsIcon() throws Exception {
        ClassLoader loader = PackagingDataTest.class.getClassLoader();
        ShellPackaging data = ShellPackaging.fromClassPath(loader);

        assertThat(data.id()).isEqualTo("swing");
        assertThat(data.mainClass()).isEqualTo(ShellMain.class.getName());
        assertThat(loader.getResource(data.icon())).as(data.icon()).isNotNull();
    }

    @Test
    void theNativesJarPatternMatchesExactlyOneJarOnTheClassPath() throws Exception {
        ShellPackaging.Natives natives = ShellPackaging.fromClassPath(PackagingDataTest.class.getClassLoader()).natives().orElseThrow();
        var jar = FileSystems.getDefault().getPathMatcher("glob:" + natives.jar());

        assertThat(Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of).map(Path::getFileName).filter(jar::matches)).hasSize(1);
        // jcefmaven takes a folder with build_meta.json and install.lock for "installed completely"
        assertThat(natives.requiredFile()).isEqualTo("build_meta.json");
        assertThat(natives.marker()).isEqualTo("install.lock");
    }
}
