package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.testsupport.Eventually;
import io.desktopstarter.testsupport.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole update of a user's portable install, 1.0.0 to 1.1.0, with {@code --update --yes}: their ponies and
 * tasks survive, N's migration runs on their database after a backup, 1.0.0 stays for rollback.
 */
@EnabledOnOs(OS.LINUX)
class UpdateIT {
    static Releases releases;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() throws Exception {
        releases = Releases.get();
        Required.tool("sqlite3", "sqlite3");
    }

    @Test
    void updateYesReplacesTheOldVersionAndKeepsTheUsersData() throws Exception {
        User user = User.installing(tmp.resolve("home"), releases.artifact(releases.oldRelease, Releases.OLD, "tar.gz"));
        long start = System.nanoTime();
        long task;
        try (AppClient app = AppClient.start(user)) {
            assertThat(app.get("/about/")).contains(Releases.OLD);
            assertThat(app.postForm("/items/new/", Map.of("name", "Comet Trail", "status", "GALLOPING", "notes", "before the update")))
                    .isEqualTo(303);
            assertThat(app.postForm("/items/new/", Map.of("name", "Dusk Meadow", "status", "SHOW_READY", "notes", "")))
                    .isEqualTo(303);
            task = app.startTask();
            Eventually.await(Duration.ofSeconds(60), () -> {
                try {
                    return app.taskState(task).matches("(DONE|FAILED) .*");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "task " + task + " finished");
        }
        String finished = null;
        Path database = user.appData().resolve("app.sqlite3");
        String before = sqlite(database, "select id || ' ' || state || ' ' || coalesce(message, '') from tasks where id = " + task);

        Processes.Result update = user.update();

        assertThat(update.output()).as("exit %d", update.exit()).contains("AVAILABLE: " + Releases.NEW, "DOWNLOADING: 100%",
                "VERIFIED: " + Releases.NEW, "INSTALLED: " + Releases.NEW);
        assertThat(update.exit()).as(update.output()).isZero();
        assertThat(Files.readSymbolicLink(user.install.resolve("current"))).isEqualTo(Path.of("versions", Releases.NEW));
        assertThat(user.install.resolve("versions/" + Releases.OLD + "/bin/desktop-java-starter-" + Releases.SHELL))
                .as("1.0.0 kept for rollback").isExecutable();

        try (AppClient app = AppClient.start(user)) {
            assertThat(app.get("/about/")).contains("<dd>" + Releases.NEW + "</dd>");
            assertThat(app.get("/items/")).contains("Comet Trail", "Dusk Meadow");
            finished = app.taskState(task);
        }
        assertThat(finished).as("the finished task is still there, as it was").matches("(DONE|FAILED) .*")
                .doesNotContain("Abandoned");
        assertThat(sqlite(database, "select id || ' ' || state || ' ' || coalesce(message, '') from tasks where id = " + task))
                .isEqualTo(before);
        assertThat(sqlite(database, "select group_concat(version) from flyway_schema_history where success = 1"))
                .as("N's migration ran").endsWith("," + releases.newSchema);
        assertThat(sqlite(database, "select count(*) from ponies where favourite_treat = 'apples'"))
                .as("existing ponies got the new column's default").isEqualTo(String.valueOf(count(database)));
        List<Path> backups;
        try (Stream<Path> files = Files.list(user.appData().resolve("backups"))) {
            backups = files.filter(f -> f.getFileName().toString().matches("app-v" + releases.oldSchema + "-.*\\.sqlite3")).toList();
        }
        assertThat(backups).as("a copy of the 1.0.0 database taken before the migration").hasSize(1);
        assertThat(sqlite(backups.getFirst(), "select group_concat(name) from ponies order by id")).contains("Comet Trail", "Dusk Meadow");
        assertThat(sqlite(backups.getFirst(), "select count(*) from pragma_table_info('ponies') where name = 'favourite_treat'"))
                .isEqualTo("0");
        System.out.println("[it] update 1.0.0 -> 1.1.0 with --update --yes: " + update.took().toMillis() + " ms (download "
                + Files.size(releases.artifact(releases.newRelease, Releases.NEW, "tar.gz")) + " bytes); whole scenario "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
    }

    @Test
    void updateYesIsRefusedWhileTheAppIsOpen() throws Exception {
        User user = User.installing(tmp.resolve("home"), releases.artifact(releases.oldRelease, Releases.OLD, "tar.gz"));
        Path log = user.home.resolve("logs/app.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(user.install.resolve("desktop-java-starter-" + Releases.SHELL).toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(user.environment());
        builder.environment().put("JAVA_TOOL_OPTIONS", User.HEADLESS);
        Process shell = builder.start();
        try {
            // The shell listens on its instance socket once it holds the lock.
            Eventually.await(Duration.ofSeconds(60), () -> Files.exists(user.appData().resolve("instance.sock")) || !shell.isAlive(),
                    "the app claimed its single instance");
            assertThat(shell.isAlive()).as(Processes.tail(log, 40)).isTrue();

            Processes.Result refused = user.update();

            assertThat(refused.output()).contains("RUNNING: Desktop Java Starter is running; quit it");
            assertThat(refused.exit()).isEqualTo(15);
            assertThat(Files.readSymbolicLink(user.install.resolve("current"))).isEqualTo(Path.of("versions", Releases.OLD));
            assertThat(user.appData().resolve("updates/downloads")).as("nothing downloaded").doesNotExist();
        } finally {
            shell.toHandle().destroy();
            shell.waitFor();
        }
    }

    private static long count(Path database) throws Exception {
        return Long.parseLong(sqlite(database, "select count(*) from ponies"));
    }

    private static String sqlite(Path database, String sql) throws Exception {
        Processes.Result result = Processes.run(database.getParent(), Map.of("PATH", "/usr/bin:/bin"),
                Files.createTempFile("it-sqlite3", ".log"), Duration.ofMinutes(1),
                List.of("sqlite3", "-readonly", database.toString(), sql));
        assertThat(result.exit()).as(result.output()).isZero();
        return result.output().strip();
    }
}
