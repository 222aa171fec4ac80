package io.desktopstarter.shell.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    void theExitCodesOfTheChecksAreTheirOwn() {
        assertThat(java.util.List.of(ExitCode.UPDATE_AVAILABLE, ExitCode.UP_TO_DATE, ExitCode.UPDATE_REJECTED,
                ExitCode.UPDATE_ERROR, ExitCode.UPDATES_OFF)).doesNotHaveDuplicates()
                .doesNotContain(ExitCode.OK, ExitCode.USAGE, ExitCode.BACKEND_FAILED_TO_START, ExitCode.BACKEND_CRASHED,
                        ExitCode.FIRST_PAGE_FAILED);
    }
}
