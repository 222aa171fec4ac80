package io.desktopstarter.core.tasks;

import io.desktopstarter.core.config.TaskTimings;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single task worker: claims one PENDING task at a time, "works" for a random while, and
 * records DONE or FAILED. Runs until its thread is interrupted.
 */
public final class Worker implements Runnable {
    static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final TaskRepository tasks;
    private final TaskTimings timings;
    private final RandomGenerator random;

    public Worker(TaskRepository tasks, TaskTimings timings, RandomGenerator random) {
        this.tasks = tasks;
        this.timings = timings;
        this.random = random;
    }

    @Override
    public void run() {
        LOG.info("Task worker started");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Optional<DemoTask> claimed = tasks.claimNext();
                if (claimed.isPresent()) {
                    work(claimed.get());
                } else {
                    Thread.sleep(IDLE_POLL);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("Task worker error; retrying", e);
                sleepQuietly();
            }
        }
        LOG.info("Task worker stopped");
    }

    private void work(DemoTask task) throws InterruptedException {
        Duration duration = timings.pickDuration(random);
        boolean fails = timings.pickFailure(random);
        LOG.info("Task {} running for {} ms", task.id(), duration.toMillis());
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            tasks.finish(task.id(), TaskState.FAILED, TaskRepository.INTERRUPTED);
            throw e;
        }
        if (fails) {
            tasks.finish(task.id(), TaskState.FAILED, "Failed after " + seconds(duration) + " (simulated error)");
        } else {
            tasks.finish(task.id(), TaskState.DONE, "Finished in " + seconds(duration));
        }
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(IDLE_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
