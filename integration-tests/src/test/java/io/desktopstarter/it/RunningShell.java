package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.automation.Automation;
import io.desktopstarter.shell.common.automation.AutomationClient;
import io.desktopstarter.shell.common.automation.ShellEvent;
import io.desktopstarter.testsupport.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A user's unpacked portable app of one shell, started from its launcher on a private X server with the automation
 * driver on ({@code --automation} plus {@code DESKTOP_STARTER_AUTOMATION=1}), its first page loaded.
 */
final class RunningShell implements AutoCloseable {
    final String shell;
    final User user;
    final Process process;
    final Path log;
    final AutomationClient driver;

    private RunningShell(String shell, User user, Process process, Path log, AutomationClient driver) {
        this.shell = shell;
        this.user = user;
        this.process = process;
        this.log = log;
        this.driver = driver;
    }

    /** The environment of {@code user}'s desktop session on {@code x}, with the driver allowed. */
    static Map<String, String> environment(User user, XServer x) {
        Map<String, String> env = new TreeMap<>(user.environment());
        env.put("DISPLAY", x.display());
        env.put(Automation.ENVIRONMENT, "1");
        return env;
    }

    static RunningShell start(String shell, User user, XServer x) throws Exception {
        Path log = user.home.resolve("logs/shell-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(user.launcher().toString(), Automation.FLAG)
                .redirectErrorStream(true).redirectOutput(log.toFile()).directory(user.home.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(user, x));
        Process process = builder.start();
        Path socket = Automation.socket(user.appData());
        // A killed earlier run may have left its socket file: the driver is there once it answers a connect.
        AutomationClient[] connected = new AutomationClient[1];
        Eventually.await(Duration.ofSeconds(90), () -> {
            if (!process.isAlive()) {
                return true;
            }
            try {
                connected[0] = AutomationClient.connect(user.appData(), Duration.ofSeconds(60));
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }, () -> "the driver's socket " + socket + "; the shell said:\n" + tail(log));
        assertThat(process.isAlive()).as("the %s shell is running:%n%s", shell, tail(log)).isTrue();
        AutomationClient driver = connected[0];
        RunningShell running = new RunningShell(shell, user, process, log, driver);
        running.awaitEvent(ShellEvent.PageLoaded.class, "/items/");
        return running;
    }

    /** Waits until the shell reports an event of {@code type} whose URL contains {@code urlPart}; returns it. */
    <T extends ShellEvent> T awaitEvent(Class<T> type, String urlPart) throws Exception {
        List<T> seen = new ArrayList<>();
        Eventually.awaitCall(Duration.ofSeconds(60), () -> {
            driver.events().events().stream().filter(type::isInstance).map(type::cast)
                    .filter(e -> e.url() != null && e.url().contains(urlPart)).findFirst().ifPresent(seen::add);
            return !seen.isEmpty();
        }, () -> type.getSimpleName() + " " + urlPart + " from the " + shell + " shell; it said:\n" + tail(log));
        return seen.getFirst();
    }

    List<ShellEvent> events() throws Exception {
        return driver.events().events();
    }

    /** SIGTERM, as a session logout sends it: the exit code, after checking that no process of the app is left. */
    int terminate() throws Exception {
        List<ProcessHandle> tree = process.descendants().toList();
        driver.close();
        process.toHandle().destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the %s shell quit on SIGTERM", shell).isTrue();
        for (ProcessHandle child : tree) {
            assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("%s left running", child.info().command())
                    .isFalse();
        }
        return process.exitValue();
    }

    /** The last lines the shell wrote, for failure messages. */
    static String tail(Path log) {
        try {
            return Files.exists(log) ? Processes.tail(log, 40) : "(nothing yet)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            List<ProcessHandle> tree = process.descendants().toList();
            process.destroyForcibly().waitFor();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        driver.close();
    }
}
