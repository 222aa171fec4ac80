package io.desktopstarter.shell.swing;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.automation.AutomationClient;
import io.desktopstarter.shell.common.automation.AutomationResult;
import io.desktopstarter.shell.common.automation.ShellEvent;
import io.desktopstarter.shell.common.testkit.Screenshots;
import io.desktopstarter.testsupport.Eventually;
import io.desktopstarter.testsupport.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The automation driver in the real Swing shell (a process on Xvfb, Chromium, the staged backend). */
class SwingAutomationProcessIT {
    @TempDir
    Path appData;
    @TempDir
    Path natives;

    @Test
    void aTestLoadsEvaluatesReadsStateTakesAScreenshotAndQuitsThroughTheMenu() throws Exception {
        Required.that(System.getenv("DISPLAY") != null,
                "no X display for Chromium (the failsafe JVM runs under xvfb-run: Debian packages xvfb and xauth)");
        Process shell = SwingShellProcess.start(appData, SwingShellProcess.preExtracted(natives),
                Map.of("DESKTOP_STARTER_AUTOMATION", "1"), "--automation", "--splash-min-ms=0");
        try {
            Path socket = appData.resolve("automation.sock");
            Eventually.await(Duration.ofSeconds(90), () -> Files.exists(socket),
                    () -> "no automation.sock\n" + SwingShellProcess.diagnostics(shell, appData));
            assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            try (AutomationClient driver = AutomationClient.connect(appData, Duration.ofSeconds(90))) {
                AutomationResult.Loaded about = driver.load("/about/");
                assertThat(about.url()).endsWith("/about/").startsWith("http://127.0.0.1:");
                assertThat(about.status()).as("Chromium reports the document's HTTP status").isEqualTo(200);

                String title = driver.eval("document.title");
                assertThat(title).isNotBlank();
                assertThat(driver.eval("document.querySelectorAll('a').length > 0")).isEqualTo("true");
                assertThat(driver.state()).isEqualTo(new AutomationResult.State(about.url(), title, 200));

                AutomationResult.Clicked click = driver.click("a[href=\"/tasks/\"]");
                assertThat(click.navigated()).isTrue();
                assertThat(click.url()).endsWith("/tasks/");
                assertThat(click.status()).isEqualTo(200);

                Path png = Screenshots.beside(System.getProperty("shell.jar"), "swing-tasks.png");
                Screenshots.assertPicture(png, driver.screenshot(png));

                assertThat(driver.events().events()).filteredOn(ShellEvent.PageLoaded.class::isInstance)
                        .extracting(ShellEvent::url).contains(about.url(), click.url());

                assertThat(driver.menu("quit").action()).isEqualTo("quit");
            }
            assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(shell.exitValue()).as(SwingShellProcess.diagnostics(shell, appData)).isZero();
            assertThat(socket).as("removed on exit").doesNotExist();
            assertThat(SwingShellProcess.leftoversAfter(appData, Duration.ofSeconds(15))).isEmpty();
        } finally {
            shell.destroyForcibly();
        }
    }
}
