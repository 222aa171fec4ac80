package io.desktopstarter.shell.javafx;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.automation.AutomationClient;
import io.desktopstarter.shell.common.automation.AutomationResult;
import io.desktopstarter.shell.common.automation.ShellEvent;
import io.desktopstarter.shell.common.testkit.Screenshots;
import io.desktopstarter.testsupport.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The automation driver in the real JavaFX shell (a process, headless), as a test outside the shell drives it. */
class AutomationProcessIT {
    static final Map<String, String> DRIVER_ON = Map.of("DESKTOP_STARTER_AUTOMATION", "1");

    @TempDir
    Path temp;

    @Test
    void aTestLoadsEvaluatesReadsStateTakesAScreenshotAndQuitsThroughTheMenu() throws Exception {
        Path appData = temp.resolve("app-data");
        Path err = temp.resolve("stderr.txt");
        Process shell = ShellProcessIT.startShell(appData, DRIVER_ON, temp.resolve("stdout.txt"), err,
                "--automation", "--splash-min-ms=0", "--backend=" + System.getProperty("stage.dir"));
        try {
            Path socket = appData.resolve("automation.sock");
            Eventually.await(Duration.ofSeconds(60), () -> Files.exists(socket), () -> "no automation.sock; stderr: " + read(err));
            assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            try (AutomationClient driver = AutomationClient.connect(appData, Duration.ofSeconds(60))) {
                AutomationResult.Loaded about = driver.load("/about/");
                assertThat(about.url()).endsWith("/about/").startsWith("http://127.0.0.1:");
                assertThat(about.status()).as("WebView does not report the HTTP status").isNull();

                String title = driver.eval("document.title");
                assertThat(title).isNotBlank();
                assertThat(driver.eval("document.querySelectorAll('a').length > 0")).isEqualTo("true");
                assertThat(driver.state()).isEqualTo(new AutomationResult.State(about.url(), title, null));

                AutomationResult.Clicked click = driver.click("a[href=\"/tasks/\"]");
                assertThat(click.navigated()).isTrue();
                assertThat(click.url()).endsWith("/tasks/");
                assertThat(driver.state().url()).isEqualTo(click.url());

                Path png = Screenshots.beside(System.getProperty("shell.jar"), "javafx-tasks.png");
                AutomationResult.Screenshot shot = driver.screenshot(png);
                Screenshots.assertPicture(png, shot);

                assertThat(driver.events().events()).filteredOn(ShellEvent.PageLoaded.class::isInstance)
                        .extracting(ShellEvent::url).contains(about.url(), click.url());

                assertThat(driver.menu("quit").action()).isEqualTo("quit");
            }
            assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(shell.exitValue()).as("stderr: %s", read(err)).isZero();
            assertThat(socket).as("removed on exit").doesNotExist();
        } finally {
            shell.destroyForcibly();
        }
    }

    @Test
    void theFlagWithoutTheVariableIsIgnoredAndSaysSo() throws Exception {
        Path appData = temp.resolve("app-data");
        ShellProcessIT.Result result = ShellProcessIT.runShell(appData, "--smoke", "--automation",
                "--backend=" + System.getProperty("stage.dir"));

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.err()).contains("--automation is ignored: it also needs DESKTOP_STARTER_AUTOMATION=1");
        assertThat(result.err()).doesNotContain("automation driver listening");
        assertThat(ShellProcessIT.SMOKE.matcher(result.out().strip()).matches()).as(result.out()).isTrue();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
