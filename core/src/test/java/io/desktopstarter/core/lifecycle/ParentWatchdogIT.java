package io.desktopstarter.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.core.support.BackendProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed shell must never leave the server or the worker behind. */
class ParentWatchdogIT {
    @TempDir
    Path appData;

    @Test
    void serverAndWorkerExitWithinTwoSecondsOfTheParentsDeath() throws Exception {
        Process parent = new ProcessBuilder("sleep", "300").start();
        try (BackendProcess server = BackendProcess.start(appData,
                Map.of("DESKTOP_STARTER_PARENT_PID", Long.toString(parent.pid())))) {
            server.awaitReady(Duration.ofSeconds(30));
            try (BackendProcess worker = BackendProcess.start(appData,
                    Map.of("DESKTOP_STARTER_PARENT_PID", Long.toString(parent.pid()),
                            "DESKTOP_STARTER_TOKEN", server.token()), "--worker")) {
                worker.awaitStderr("Task worker started", Duration.ofSeconds(30));
                assertThat(server.process().isAlive()).isTrue();
                assertThat(worker.process().isAlive()).isTrue();

                parent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                long died = System.nanoTime();

                // 2 s is the contract; the assertion allows scheduling noise on a loaded CI machine.
                server.awaitExit(Duration.ofSeconds(4));
                worker.awaitExit(Duration.ofSeconds(4));
                long tookMs = (System.nanoTime() - died) / 1_000_000;
                System.out.println("watchdog: backend gone " + tookMs + " ms after the parent");
                assertThat(server.stderr()).contains("Parent process " + parent.pid() + " is gone");
                assertThat(worker.stderr()).as("the worker's own watchdog ended it").contains("Parent process " + parent.pid() + " is gone");
            }
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void parentAlreadyDeadAtStartMeansNoServer() throws Exception {
        Process parent = new ProcessBuilder("true").start();
        parent.waitFor();
        try (BackendProcess server = BackendProcess.start(appData,
                Map.of("DESKTOP_STARTER_PARENT_PID", Long.toString(parent.pid())))) {
            server.awaitExit(Duration.ofSeconds(30));
            assertThat(server.stderr()).contains("is gone");
        }
    }
}
