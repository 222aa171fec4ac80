package io.desktopstarter.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.core.config.TaskTimings;
import io.desktopstarter.core.db.Database;
import io.desktopstarter.core.db.Migrations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLifecycleTest {
    @TempDir
    Path dir;
    TaskRepository tasks;

    @BeforeEach
    void database() {
        Database db = new Database(dir.resolve("app.sqlite3"));
        Migrations.builtIn(db, dir.resolve("backups")).migrate();
        tasks = new TaskRepository(db, Clock.systemUTC());
    }

    @Test
    void tasksAreClaimedOldestFirstAndOnlyOnce() {
        DemoTask first = tasks.create();
        DemoTask second = tasks.create();

        assertThat(tasks.claimNext()).hasValueSatisfying(t -> {
            assertThat(t.id()).isEqualTo(first.id());
            assertThat(t.state()).isEqualTo(TaskState.RUNNING);
            assertThat(t.startedAt()).isPresent();
        });
        assertThat(tasks.claimNext()).map(DemoTask::id).hasValue(second.id());
        assertThat(tasks.claimNext()).isEmpty();
    }

    @Test
    void unfinishedTasksAreMarkedAbandonedButFinishedOnesKeepTheirResult() {
        DemoTask done = tasks.create();
        tasks.claimNext();
        tasks.finish(done.id(), TaskState.DONE, "Finished in 1.0 s");
        DemoTask running = tasks.create();
        tasks.claimNext();
        DemoTask pending = tasks.create();

        assertThat(tasks.failUnfinished()).isEqualTo(2);

        assertThat(tasks.recent(10)).allSatisfy(t -> assertThat(t.state().finished()).isTrue());
        assertThat(tasks.recent(10)).filteredOn(t -> t.id() != done.id())
                .extracting(DemoTask::id, DemoTask::state, DemoTask::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(running.id(), TaskState.FAILED, TaskRepository.ABANDONED),
                        org.assertj.core.groups.Tuple.tuple(pending.id(), TaskState.FAILED, TaskRepository.ABANDONED));
        assertThat(tasks.recent(10)).filteredOn(t -> t.id() == done.id())
                .extracting(DemoTask::state).containsExactly(TaskState.DONE);
    }

    @Test
    void workerRunsTasksToDoneOrFailedAsConfigured() throws Exception {
        DemoTask ok = tasks.create();
        runWorkerUntilIdle(new TaskTimings(Duration.ZERO, Duration.ofMillis(5), 0.0));
        DemoTask failing = tasks.create();
        runWorkerUntilIdle(new TaskTimings(Duration.ZERO, Duration.ofMillis(5), 1.0));

        assertThat(tasks.recent(10)).extracting(DemoTask::id, DemoTask::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(failing.id(), TaskState.FAILED),
                org.assertj.core.groups.Tuple.tuple(ok.id(), TaskState.DONE));
        assertThat(tasks.recent(10).getFirst().message()).contains("simulated error");
    }

    @Test
    void interruptedWorkerRecordsTheTaskAsInterrupted() throws Exception {
        DemoTask task = tasks.create();
        Thread worker = Thread.ofPlatform().start(
                new Worker(tasks, new TaskTimings(Duration.ofMinutes(5), Duration.ofMinutes(5), 0), new Random(1)));
        awaitState(task.id(), TaskState.RUNNING);

        worker.interrupt();
        worker.join(5_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(tasks.recent(1).getFirst().message()).isEqualTo(TaskRepository.INTERRUPTED);
    }

    @Test
    void statusJsonEscapesMessages() {
        DemoTask t = new DemoTask(1, TaskState.FAILED, "a \"quoted\" <b>\n", java.time.Instant.EPOCH,
                java.util.Optional.empty(), java.util.Optional.empty());

        assertThat(TaskPages.statusJson(java.util.List.of(t)))
                .isEqualTo("{\"tasks\":[{\"id\":1,\"state\":\"FAILED\",\"message\":\"a \\\"quoted\\\" \\u003cb>\\u000a\","
                        + "\"createdAt\":\"1970-01-01T00:00:00Z\",\"startedAt\":null,\"finishedAt\":null}]}");
    }

    private void runWorkerUntilIdle(TaskTimings timings) throws InterruptedException {
        Thread worker = Thread.ofPlatform().start(new Worker(tasks, timings, new Random(42)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (tasks.recent(50).stream().anyMatch(t -> !t.state().finished()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        worker.interrupt();
        worker.join(5_000);
    }

    private void awaitState(long id, TaskState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (tasks.recent(50).stream().anyMatch(t -> t.id() == id && t.state() == state)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("task " + id + " never reached " + state);
    }
}
