package io.desktopstarter.shell.javafx;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.testkit.ShellProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell as a user starts it: a process, headless JavaFX, the really staged backend. */
class ShellProcessIT {
    static final Pattern SMOKE = Pattern.compile("\\{\"event\":\"smoke\",\"shell\":\"javafx\",\"splash_ms\":(\\d+),"
            + "\"healthy_ms\":(\\d+),\"first_page_ms\":(\\d+),\"rss_kb\":(\\d+)}");

    @TempDir
    Path temp;

    @Test
    void smokeLaunchLoadsTheFirstPagePrintsTimingsAndLeavesNoProcess() throws Exception {
        Instant started = Instant.now();
        Result result = runShell(temp.resolve("app-data"), "--smoke", "--backend=" + System.getProperty("stage.dir"));

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        Matcher m = SMOKE.matcher(result.out().strip());
        assertThat(m.matches()).as("smoke line: %s", result.out()).isTrue();
        long splash = Long.parseLong(m.group(1));
        long healthy = Long.parseLong(m.group(2));
        long firstPage = Long.parseLong(m.group(3));
        assertThat(firstPage).isGreaterThanOrEqualTo(Math.max(splash, healthy));
        assertThat(Long.parseLong(m.group(4))).isPositive();
        System.out.println("javafx smoke: " + result.out().strip());
        assertThat(temp.resolve("app-data/app.sqlite3")).exists();
        assertThat(temp.resolve("app-data/window-javafx.properties")).exists();
        assertThat(Files.readString(temp.resolve("app-data/logs/backend.log"))).contains("Backend exited cleanly");
        assertThat(stagedBackendProcessesSince(started)).isEmpty();
    }

    @Test
    void backendThatCannotStartGivesNonZeroExitAndLeavesNoProcess() throws Exception {
        Path broken = Files.createDirectories(temp.resolve("broken"));
        String java = ProcessHandle.current().info().command().orElseThrow().replace("\\", "\\\\");
        Files.writeString(broken.resolve("runtime-manifest.json"), """
                {"schemaVersion":1,"appId":"desktop-java-starter","version":"broken","createdAt":"2026-11-23T00:00:00Z",
                 "backend":{"command":["%s","-cp","nowhere","no.such.Main"]},
                 "worker":{"command":["%s","-cp","nowhere","no.such.Main","--worker"]},
                 "healthPath":"/health/","jdkModules":["java.base"],"files":{}}
                """.formatted(java, java));
        Instant started = Instant.now();

        Result result = runShell(temp.resolve("app-data"), "--smoke", "--backend=" + broken);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("the backend failed to start: The backend exited with code 1 before it was ready");
        assertThat(result.out()).doesNotContain("\"event\":\"smoke\"");
        assertThat(stagedBackendProcessesSince(started)).isEmpty();
    }

    @Test
    void missingBackendIsAUsageErrorWithAHint() throws Exception {
        Result result = runShell(temp.resolve("app-data"), "--smoke", "--backend=" + temp.resolve("nothing"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No runtime manifest at").contains("./mvnw -pl staging -am package");
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result runShell(Path appData, String... args) throws Exception {
        Path out = Files.createTempFile("shell-out", ".txt");
        Path err = Files.createTempFile("shell-err", ".txt");
        Process process = startShell(appData, Map.of(), out, err, args);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("shell did not exit within 120 s: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The shell jar on headless JavaFX with its own app data and {@code environment}; stdout and stderr to files. */
    static Process startShell(Path appData, Map<String, String> environment, Path out, Path err, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dglass.platform=Headless", "-Dprism.order=sw", "--enable-native-access=ALL-UNNAMED",
                "-jar", System.getProperty("shell.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DESKTOP_STARTER_APP_DATA_DIR", appData.toString());
        builder.environment().putAll(environment);
        return builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /** Backend processes (staged runtime or a fake's JVM) started since {@code since} and still running. */
    static List<String> stagedBackendProcessesSince(Instant since) throws IOException {
        List<String> alive = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().startInstant().map(s -> !s.isBefore(since.minusSeconds(1))).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains("io.desktopstarter.core.Main")
                        || c.contains("no.such.Main")).orElse(false))
                .filter(ShellProcesses::running)
                .forEach(p -> alive.add(p.pid() + " " + p.info().commandLine().orElse("")));
        return alive;
    }
}
