package io.desktopstarter.shell.javafx;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.ShellPackaging;
import org.junit.jupiter.api.Test;

/** The data the distribution packages this shell by: the main class it launches and the icon it ships must exist. */
class PackagingDataTest {
    @Test
    void theDistributionLaunchesThisShellsMainClassWithItsIcon() throws Exception {
        ClassLoader loader = PackagingDataTest.class.getClassLoader();
        ShellPackaging data = ShellPackaging.fromClassPath(loader);

        assertThat(data.id()).isEqualTo("javafx");
        assertThat(data.mainClass()).isEqualTo(ShellMain.class.getName());
        assertThat(loader.getResource(data.icon())).as(data.icon()).isNotNull();
        // JavaFX ships netscape.javascript itself: the JDK's module would split the package in the runtime
        assertThat(data.jlinkExcluded()).contains("jdk.jsobject");
        assertThat(data.debDepends()).contains("libgtk-3-0");
        assertThat(data.natives()).isEmpty();
    }
}
