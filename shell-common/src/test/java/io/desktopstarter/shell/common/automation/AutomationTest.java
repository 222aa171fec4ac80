package io.desktopstarter.shell.common.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.ShellArgs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver is on only with the flag and the environment variable together. */
class AutomationTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void flagAndVariableTogetherTurnItOnSilently() {
        assertThat(Automation.requested(true, Map.of("DESKTOP_STARTER_AUTOMATION", "1"), errStream)).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theFlagAloneIsIgnoredWithOneLineSayingWhy() {
        assertThat(Automation.requested(true, Map.of(), errStream)).isFalse();
        assertThat(Automation.requested(true, Map.of("DESKTOP_STARTER_AUTOMATION", "true"), errStream)).isFalse();

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("--automation is ignored").contains("DESKTOP_STARTER_AUTOMATION=1").contains("test aid"));
    }

    @Test
    void theVariableAloneDoesNothingAndSaysNothing() {
        assertThat(Automation.requested(false, Map.of("DESKTOP_STARTER_AUTOMATION", "1"), errStream)).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theFlagIsAShellArgumentAndOffByDefault() {
        assertThat(ShellArgs.parse(List.of()).automation()).isFalse();
        assertThat(ShellArgs.parse(List.of("--automation", "--smoke")).automation()).isTrue();
        assertThat(ShellArgs.USAGE.strip().lines().toList().getLast()).contains("alone it is ignored");
    }

    @Test
    void offRecordsNothingAndListensNowhere() {
        Automation off = Automation.off();
        assertThat(off.enabled()).isFalse();
        assertThat(off.events()).isSameAs(ShellEvents.NONE);
    }
}
