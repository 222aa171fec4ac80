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
        Process shell = start();
        try {
            Path socket = appData.resolve("automation.sock");
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

    /**
     * Scripts sent while the page navigates, some starting the navigation themselves: each is answered (DevTools
     * alone lost such answers, and the driver then waited out its timeout), and none runs twice (the ponies counted).
     */
    @Test
    void scriptsAreAnsweredOnceWhileThePageNavigates() throws Exception {
        Process shell = start();
        try (AutomationClient driver = AutomationClient.connect(appData, Duration.ofSeconds(90))) {
            int rounds = 6;
            for (int round = 0; round < rounds; round++) {
                String about = "/about/?round=" + round;
                driver.load("/items/new/");
                driver.eval("document.getElementById('name').value = 'Round pony " + round + "'");

                AutomationResult.Clicked posted = driver.click("button[type=submit]");
                assertThat(posted.navigated()).isTrue();
                assertThat(driver.eval("setTimeout(function () { location.href = '" + about + "'; }, 0) && 'leaving'"))
                        .isEqualTo("leaving");
                assertThat(driver.eval("'answered while leaving'")).isEqualTo("answered while leaving");
                Eventually.awaitCall(Duration.ofSeconds(30), () -> driver.state().url().endsWith(about),
                        () -> "never reached " + about);
                assertThat(driver.eval("setTimeout(function () { history.back(); }, 0) && 'back'")).isEqualTo("back");
                assertThat(driver.eval("document.readyState")).isNotBlank();
                Eventually.awaitCall(Duration.ofSeconds(30), () -> driver.state().url().equals(posted.url()),
                        () -> "never back at " + posted.url());
            }
            driver.load("/items/");
            for (int round = 0; round < rounds; round++) {
                assertThat(driver.eval("document.body.innerText.split('Round pony " + round + "').length - 1"))
                        .as("pony %d created once", round).isEqualTo("1");
            }
            driver.menu("quit");
            assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            shell.destroyForcibly();
        }
    }

    private Process start() throws Exception {
        Required.that(System.getenv("DISPLAY") != null,
                "no X display for Chromium (the failsafe JVM runs under xvfb-run: Debian packages xvfb and xauth)");
        Process shell = SwingShellProcess.start(appData, SwingShellProcess.preExtracted(natives),
                Map.of("DESKTOP_STARTER_AUTOMATION", "1"), "--automation", "--splash-min-ms=0");
        Eventually.await(Duration.ofSeconds(90), () -> Files.exists(appData.resolve("automation.sock")),
                () -> "no automation.sock\n" + SwingShellProcess.diagnostics(shell, appData));
        return shell;
    }
}
