package io.desktopstarter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.Platform.Os;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDataLocationTest {
    private static final Path HOME = Path.of("/home/pat");

    @Test
    void theOverrideWinsOnEveryOs() {
        Map<String, String> env = Map.of(LaunchEnvironment.APP_DATA_DIR, "/data/app/../djs", "XDG_DATA_HOME", "/xdg",
                "APPDATA", "/roaming");
        for (Os os : Os.values()) {
            assertThat(AppDataLocation.resolve(env, os, HOME)).isEqualTo(Path.of("/data/djs"));
        }
    }

    @Test
    void linuxUsesAnAbsoluteXdgDataHomeElseLocalShare() {
        assertThat(AppDataLocation.resolve(Map.of("XDG_DATA_HOME", "/xdg"), Os.LINUX, HOME))
                .isEqualTo(Path.of("/xdg/desktop-java-starter"));
        assertThat(AppDataLocation.resolve(Map.of("XDG_DATA_HOME", "relative"), Os.LINUX, HOME))
                .isEqualTo(Path.of("/home/pat/.local/share/desktop-java-starter"));
        assertThat(AppDataLocation.resolve(Map.of(LaunchEnvironment.APP_DATA_DIR, " "), Os.LINUX, HOME))
                .isEqualTo(Path.of("/home/pat/.local/share/desktop-java-starter"));
    }

    @Test
    void macosUsesApplicationSupport() {
        assertThat(AppDataLocation.resolve(Map.of("XDG_DATA_HOME", "/xdg"), Os.MACOS, HOME))
                .isEqualTo(Path.of("/home/pat/Library/Application Support/desktop-java-starter"));
    }

    @Test
    void windowsUsesAppDataElseRoamingUnderHome() {
        assertThat(AppDataLocation.resolve(Map.of("APPDATA", "/roaming"), Os.WINDOWS, HOME))
                .isEqualTo(Path.of("/roaming/desktop-java-starter"));
        assertThat(AppDataLocation.resolve(Map.of(), Os.WINDOWS, HOME))
                .isEqualTo(Path.of("/home/pat/AppData/Roaming/desktop-java-starter"));
    }
}
