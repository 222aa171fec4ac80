package io.desktopstarter.shell.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellArgsTest {
    @Test
    void defaultsAndSmokeMode() {
        assertThat(ShellArgs.parse(List.of()).splashMin()).isEqualTo(Duration.ofMillis(1200));
        ShellArgs smoke = ShellArgs.parse(List.of("--smoke", "--backend=/opt/x/backend"));
        assertThat(smoke.smoke()).isTrue();
        assertThat(smoke.splashMin()).isZero();
        assertThat(smoke.backendDir()).contains(Path.of("/opt/x/backend"));
        assertThat(smoke.startPage()).isEqualTo("/items/");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThatThrownBy(() -> ShellArgs.parse(List.of("--nope"))).hasMessageContaining("unknown option --nope");
        assertThatThrownBy(() -> ShellArgs.parse(List.of("--start-page=//evil.example")))
                .hasMessageContaining("local path");
        assertThatThrownBy(() -> ShellArgs.parse(List.of("--backend=a", "--dev-backend=b"))).hasMessageContaining("not both");
        assertThatThrownBy(() -> ShellArgs.parse(List.of("--splash-min-ms=soon"))).hasMessageContaining("milliseconds");
    }

    @Test
    void plainArgumentsArePassedToARunningInstance() {
        assertThat(ShellArgs.parse(List.of("--smoke", "file.txt")).passThrough()).containsExactly("file.txt");
    }
}
