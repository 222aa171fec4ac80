package io.desktopstarter.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.core.db.Database;
import io.desktopstarter.core.support.BackendProcess;
import io.desktopstarter.core.support.TestClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server and worker as two processes sharing the SQLite file, as the launcher runs them. */
class WorkerProcessIT {
    static final Duration START = Duration.ofSeconds(30);
    static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z]+)\"");

    @TempDir
    Path appData;

    @Test
    void taskStartedFromThePageIsRunByTheWorkerProcess() throws Exception {
        Map<String, String> fast = Map.of(
                "DESKTOP_STARTER_TASK_DURATION_MS", "200-300", "DESKTOP_STARTER_TASK_FAILURE_RATE", "0");
        try (BackendProcess server = BackendProcess.start(appData, fast)) {
            TestClient client = server.client(server.awaitReady(START));
            try (BackendProcess worker = BackendProcess.start(appData,
                    Map.of("DESKTOP_STARTER_TOKEN", server.token(),
                            "DESKTOP_STARTER_TASK_DURATION_MS", "200-300",
                            "DESKTOP_STARTER_TASK_FAILURE_RATE", "0"), "--worker")) {
                client.withHeader("X-CSRF-Token", client.csrfToken()).withHeader("Accept", "application/json")
                        .post("/tasks/", Map.of());

                assertThat(awaitFinalState(client)).isEqualTo("DONE");
                assertThat(client.get("/tasks/").body()).contains("Finished in");
                worker.process().toHandle().destroy();
                assertThat(worker.awaitExit(Duration.ofSeconds(10))).as("SIGTERM stops the worker cleanly").isZero();
                assertThat(worker.stdout()).isEmpty();
            }
        }
    }

    @Test
    void failureRateOneMakesEveryTaskFail() throws Exception {
        try (BackendProcess server = BackendProcess.start(appData, Map.of())) {
            TestClient client = server.client(server.awaitReady(START));
            try (BackendProcess ignored = BackendProcess.start(appData,
                    Map.of("DESKTOP_STARTER_TOKEN", server.token(),
                            "DESKTOP_STARTER_TASK_DURATION_MS", "50",
                            "DESKTOP_STARTER_TASK_FAILURE_RATE", "1"), "--worker")) {
                client.submit("/tasks/", Map.of());

                assertThat(awaitFinalState(client)).isEqualTo("FAILED");
                assertThat(client.get("/tasks/status/").body()).contains("simulated error");
            }
        }
    }

    @Test
    void unfinishedTasksFromAnEarlierRunAreMarkedAbandonedOnStart() throws Exception {
        try (BackendProcess first = BackendProcess.start(appData, Map.of())) {
            first.awaitReady(START);
        }
        TaskRepository tasks = new TaskRepository(new Database(appData.resolve("app.sqlite3")), Clock.systemUTC());
        tasks.create();
        tasks.claimNext();
        tasks.create();

        try (BackendProcess second = BackendProcess.start(appData, Map.of())) {
            String status = second.client(second.awaitReady(START)).get("/tasks/status/").body();

            assertThat(STATE.matcher(status).results().map(m -> m.group(1)).toList()).containsExactly("FAILED", "FAILED");
            assertThat(status).contains(TaskRepository.ABANDONED);
        }
    }

    private static String awaitFinalState(TestClient client) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = client.get("/tasks/status/").body();
            var m = STATE.matcher(last);
            if (m.find() && (m.group(1).equals("DONE") || m.group(1).equals("FAILED"))) {
                return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task never finished: " + last);
    }
}
