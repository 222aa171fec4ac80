package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.testsupport.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison report, regenerated (named outside failsafe's *IT pattern, so a plain verify does not list it as
 * skipped; the compare profile names it): {@code ./mvnw -pl integration-tests -am verify -Pcompare} runs
 * {@link ShellConformanceIT} against both packaged shells and then this, which measures both in the same run and writes
 * {@code docs/shell-comparison.md}. Off in a plain {@code verify} (it takes minutes and rewrites a tracked file).
 */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "it.compare", matches = "true")
class ShellReportRun {
    static final String COMMAND = "./mvnw -pl integration-tests -am verify -Pcompare";
    static final List<String> SHELLS = List.of("javafx", "swing");

    @TempDir
    Path tmp;

    @Test
    void measuresBothShellsAndWritesTheReport() throws Exception {
        Required.tool("Xvfb", "xvfb");
        Releases releases = Releases.get();
        int runs = Integer.getInteger("it.compare.runs", 10);
        List<ComparisonReport.Shell> shells = new ArrayList<>();
        for (String shell : SHELLS) {
            shells.add(measure(releases, shell, runs));
        }
        Path docs = Path.of(System.getProperty("it.sourceRoot")).resolve("docs");

        ComparisonReport.write(docs, COMMAND, LocalDate.now(ZoneOffset.UTC).toString(), shells, ConformanceLog.read());

        assertThat(Files.readString(docs.resolve("shell-comparison.md"))).contains("| first page, warm");
        assertThat(docs.resolve("shell-comparison/startup.png")).isNotEmptyFile();
    }

    private ComparisonReport.Shell measure(Releases releases, String shell, int runs) throws Exception {
        Path archive = releases.portable(shell);
        User user = User.installing(tmp.resolve(shell + "-home"), archive, shell);
        try (XServer x = XServer.start()) {
            // The first start fills app data (database, secret, caches); it is not counted.
            ShellBench.smoke(user, x, user.home.resolve(".local/share"));
            List<Long> warmPixel = new ArrayList<>();
            List<Long> warmPage = new ArrayList<>();
            List<Long> warmInside = new ArrayList<>();
            List<Long> coldPixel = new ArrayList<>();
            List<Long> coldPage = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ShellBench.Start warm = ShellBench.smoke(user, x, user.home.resolve(".local/share"));
                warmPixel.add(warm.firstPixelMs());
                warmPage.add(warm.firstPageMs());
                warmInside.add(warm.insideFirstPageMs());
                ShellBench.Start cold = ShellBench.smoke(user, x, Files.createTempDirectory(tmp, "cold-"));
                coldPixel.add(cold.firstPixelMs());
                coldPage.add(cold.firstPageMs());
            }
            System.out.printf("[it] %s warm first pixel %s, first page %s; cold first pixel %s, first page %s%n", shell,
                    warmPixel, warmPage, coldPixel, coldPage);
            long pss;
            long shutdown;
            String engine;
            Path screenshot = tmp.resolve(shell + "-items.png");
            try (RunningShell app = RunningShell.start(shell, user, x)) {
                pss = ShellBench.idlePssKb(app, Duration.ofSeconds(10));
                app.driver.load("/items/");
                engine = userAgent(app);
                app.driver.screenshot(screenshot);
                shutdown = ShellBench.shutdownMs(app);
            }
            Path release = archive.getParent();
            return new ComparisonReport.Shell(shell, engine, Files.size(archive), size(release, shell, "deb"),
                    size(release, shell, "rpm"), io.desktopstarter.foundation.files.Trees.size(user.install), ShellBench.median(coldPixel),
                    ShellBench.median(coldPage), ShellBench.median(warmPixel), ShellBench.median(warmPage),
                    ShellBench.median(warmInside), pss, shutdown, runs, screenshot);
        }
    }

    /** The engine's name and version; a driver that does not answer is written into the report, not hidden. */
    private static String userAgent(RunningShell app) {
        try {
            return engine(app.driver.eval("navigator.userAgent"));
        } catch (Exception e) {
            return "not read (" + e.getMessage() + ")";
        }
    }

    /** "Chrome/130.0.6723.59" or "AppleWebKit/619.1" out of a user agent. */
    static String engine(String userAgent) {
        java.util.regex.Matcher chrome = java.util.regex.Pattern.compile("Chrome/[0-9.]+").matcher(userAgent);
        if (chrome.find()) {
            return "Chromium " + chrome.group().substring("Chrome/".length()) + " (JCEF)";
        }
        java.util.regex.Matcher webkit = java.util.regex.Pattern.compile("AppleWebKit/[0-9.]+").matcher(userAgent);
        return webkit.find() ? "WebKit " + webkit.group().substring("AppleWebKit/".length()) + " (JavaFX WebView)" : userAgent;
    }

    private static long size(Path release, String shell, String ext) throws Exception {
        try (Stream<Path> files = Files.list(release)) {
            return files.filter(f -> f.getFileName().toString().startsWith("desktop-java-starter-" + shell + "-linux-")
                    && f.getFileName().toString().endsWith("." + ext)).findFirst().map(f -> {
                        try {
                            return Files.size(f);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).orElse(0L);
        }
    }
}
