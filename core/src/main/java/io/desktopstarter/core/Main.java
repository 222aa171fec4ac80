package io.desktopstarter.core;

import io.desktopstarter.contract.LaunchEnvironment;
import io.desktopstarter.contract.ReadyLine;
import io.desktopstarter.contract.SessionToken;
import io.desktopstarter.contract.TerminationSignals;
import io.desktopstarter.core.config.BuildInfo;
import io.desktopstarter.core.config.ConfigException;
import io.desktopstarter.core.config.Settings;
import io.desktopstarter.core.db.CorruptDatabaseException;
import io.desktopstarter.core.db.Database;
import io.desktopstarter.core.db.MigrationFailedException;
import io.desktopstarter.core.db.StorageException;
import io.desktopstarter.core.lifecycle.ExitCode;
import io.desktopstarter.core.lifecycle.ParentWatchdog;
import io.desktopstarter.core.lifecycle.StartupTimer;
import io.desktopstarter.core.logging.LogSetup;
import io.desktopstarter.core.tasks.TaskRepository;
import io.desktopstarter.core.tasks.Worker;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backend entry point. No argument: the HTTP server. {@code --worker}: the task worker.
 * {@code --dev}: server plus in-process worker with a generated token, for running without a shell.
 */
public final class Main {
    static final Duration DRAIN = Duration.ofSeconds(5);
    private static final String USAGE = """
            Usage: desktop-starter-core [--worker | --dev | --version | --help]
              (no option)  run the HTTP server; prints one JSON ready line on stdout
              --worker     run the background task worker
              --dev        development: server + worker, generated token, prints a login URL
            Environment: DESKTOP_STARTER_TOKEN (required unless --dev), DESKTOP_STARTER_APP_DATA_DIR,
              DESKTOP_STARTER_PARENT_PID, DESKTOP_STARTER_MODE=packaged|development, DESKTOP_STARTER_SHELL
            """;

    private Main() {
    }

    public static void main(String[] args) {
        StartupTimer.start();
        // SLF4J would report on stderr that it replayed events logged during parallel initialisation.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        String option = args.length == 0 ? "" : args[0];
        if (args.length > 1) {
            System.exit(fail(ExitCode.BAD_CONFIGURATION, "expected at most one option\n" + USAGE).code());
        }
        switch (option) {
            case "--help", "-h" -> System.out.print(USAGE);
            case "--version" -> System.out.println(BuildInfo.version());
            case "", "--worker", "--dev" -> System.exit(run(option).code());
            default -> System.exit(fail(ExitCode.BAD_CONFIGURATION, "unknown option " + option + "\n" + USAGE).code());
        }
    }

    private static ExitCode run(String option) {
        boolean dev = option.equals("--dev");
        boolean worker = option.equals("--worker");
        Settings settings;
        try {
            settings = Settings.fromEnvironment(dev ? devEnvironment() : System.getenv());
        } catch (ConfigException e) {
            return fail(ExitCode.BAD_CONFIGURATION, e.getMessage());
        }
        // Before the first logger exists: LogSetup reads these.
        System.setProperty(LogSetup.DIR_PROPERTY, settings.logDir().toString());
        System.setProperty(LogSetup.NAME_PROPERTY, worker ? "worker" : "backend");
        try {
            return worker ? runWorker(settings) : runServer(settings, dev);
        } catch (AppData.UnusableException e) {
            System.clearProperty(LogSetup.DIR_PROPERTY);
            return fail(ExitCode.APP_DATA_UNUSABLE, e.getMessage());
        } catch (CorruptDatabaseException e) {
            return fail(ExitCode.DATABASE_CORRUPT, e.getMessage());
        } catch (StorageException e) {
            return fail(ExitCode.APP_DATA_UNUSABLE, e.getMessage());
        } catch (MigrationFailedException e) {
            return fail(ExitCode.MIGRATION_FAILED, e.getMessage());
        } catch (Backend.ListenException e) {
            return fail(ExitCode.CANNOT_LISTEN, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.UNEXPECTED;
        } catch (Exception e) {
            LoggerFactory.getLogger(Main.class).error("Backend failed to start", e);
            return fail(ExitCode.UNEXPECTED, "unexpected error: " + e);
        }
    }

    private static ExitCode runServer(Settings settings, boolean dev) throws Exception {
        // Logback takes ~35 ms to initialise; do it beside the database and HTTP set-up. SLF4J hands
        // out substitute loggers meanwhile and replays their events once Logback is ready.
        Thread loggingInit = Thread.ofPlatform().name("logging-init").start(LoggerFactory::getILoggerFactory);
        Backend backend = Backend.start(settings, Clock.systemUTC());
        backend.warmUp(settings.token());
        StartupTimer.mark("warm");
        loggingInit.join();
        Logger log = LoggerFactory.getLogger(Main.class);
        StartupTimer.mark("ready");
        log.debug("Start-up phases (ms since main): {}", StartupTimer.summary());
        // Hooks first: a launcher may send SIGTERM the moment it has read the ready line.
        settings.parentPid().ifPresent(pid -> ParentWatchdog.watch(pid, () -> {
            backend.requestStop();
            haltAfter(Duration.ofMillis(1500), ExitCode.PARENT_GONE);
        }));
        TerminationSignals.onTerminate(backend::requestStop);
        onShutdown(() -> {
            backend.requestStop();
            backend.awaitStopped(DRAIN.plusSeconds(1));
        });
        PrintStream stdout = System.out;
        stdout.println(ReadyLine.format(backend.port(), ProcessHandle.current().pid(), BuildInfo.version()));
        stdout.flush();
        // The launcher reads stdout for the ready line only; anything a library prints goes to stderr.
        System.setOut(System.err);
        if (dev) {
            Thread.ofVirtual().name("worker").start(worker(settings));
            System.err.println("Development backend ready. Open http://127.0.0.1:" + backend.port()
                    + "/desktop-auth/bootstrap/?token=" + settings.token() + "&next=/items/");
        }
        backend.awaitStopRequest();
        backend.stop(DRAIN);
        log.info("Backend exited cleanly");
        return ExitCode.OK;
    }

    private static ExitCode runWorker(Settings settings) throws Exception {
        AppData.prepare(settings);
        Database db = new Database(settings.databaseFile());
        Thread thread = Thread.ofPlatform().name("worker").start(worker(settings));
        settings.parentPid().ifPresent(pid -> ParentWatchdog.watch(pid, () -> {
            thread.interrupt();
            haltAfter(Duration.ofMillis(1500), ExitCode.PARENT_GONE);
        }));
        TerminationSignals.onTerminate(thread::interrupt);
        onShutdown(() -> {
            thread.interrupt();
            thread.join(DRAIN.toMillis());
        });
        thread.join();
        LoggerFactory.getLogger(Main.class).info("Worker for {} exited", db.file());
        return ExitCode.OK;
    }

    private static Worker worker(Settings settings) {
        RandomGenerator random = new SecureRandom();
        return new Worker(new TaskRepository(new Database(settings.databaseFile()), Clock.systemUTC()),
                settings.taskTimings(), random);
    }

    private static Map<String, String> devEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(LaunchEnvironment.TOKEN, SessionToken.generate());
        env.putIfAbsent(LaunchEnvironment.MODE, LaunchEnvironment.DEVELOPMENT);
        return env;
    }

    /** Work for a shutdown hook that may wait (SIGTERM: let the graceful stop finish before the JVM exits). */
    @FunctionalInterface
    private interface ShutdownWork {
        void run() throws InterruptedException;
    }

    private static void onShutdown(ShutdownWork work) {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    /** Guarantees the process ends even if a graceful stop hangs (e.g. after the parent died). */
    private static void haltAfter(Duration delay, ExitCode code) {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(code.code());
        });
    }

    private static ExitCode fail(ExitCode code, String message) {
        System.err.println("desktop-java-starter backend: " + message);
        return code;
    }
}
