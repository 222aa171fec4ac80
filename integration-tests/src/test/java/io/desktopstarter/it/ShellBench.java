package io.desktopstarter.it;

import io.desktopstarter.shell.common.automation.ShellEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a user of each packaged shell waits for and pays, measured from outside the app: first pixel on the X server
 * ({@link ScreenWatch}), first page (process start to the smoke line on stdout), idle memory (PSS of every process of
 * the app from {@code /proc/<pid>/smaps_rollup}), shutdown (SIGTERM to exit).
 */
final class ShellBench {
    private static final Pattern FIRST_PAGE = Pattern.compile("\"first_page_ms\"\\s*:\\s*(\\d+)");
    private static final Pattern SPLASH = Pattern.compile("\"splash_ms\"\\s*:\\s*(\\d+)");

    /**
     * One {@code --smoke} start: first pixel and first page in ms after the process was started, seen from outside;
     * the splash and first page as the shell's smoke line reports them.
     */
    record Start(long firstPixelMs, String firstPainted, long firstPageMs, long splashMs, long insideFirstPageMs) {
    }

    private ShellBench() {
    }

    /**
     * Starts the app with {@code --smoke} for {@code user} on {@code x}, with {@code dataHome} as its XDG data folder
     * (a fresh one for a cold start, the user's own for a warm one).
     */
    static Start smoke(User user, XServer x, Path dataHome) throws Exception {
        Map<String, String> env = new TreeMap<>(user.environment());
        env.put("DISPLAY", x.display());
        env.put("XDG_DATA_HOME", dataHome.toString());
        ProcessBuilder watchBuilder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), ScreenWatch.class.getName(), "60000").redirectError(ProcessBuilder.Redirect.DISCARD);
        watchBuilder.environment().put("DISPLAY", x.display());
        Process watch = watchBuilder.start();
        BufferedReader watchOut = watch.inputReader(StandardCharsets.US_ASCII);
        if (!"ready".equals(watchOut.readLine())) {
            throw new IOException("the screen watch did not start on " + x.display());
        }
        ProcessBuilder app = new ProcessBuilder(user.launcher().toString(), "--smoke").redirectError(ProcessBuilder.Redirect.DISCARD);
        app.environment().clear();
        app.environment().putAll(env);
        try (Writer go = watch.outputWriter(StandardCharsets.US_ASCII)) {
            go.write("go\n");
            go.flush();
            long start = System.nanoTime();
            Process shell = app.start();
            CompletableFuture<String> painted = CompletableFuture.supplyAsync(() -> {
                try {
                    return watchOut.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long page = -1;
            long inside = -1;
            long splash = -1;
            BufferedReader out = shell.inputReader(StandardCharsets.UTF_8);
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = FIRST_PAGE.matcher(line);
                if (m.find()) {
                    page = (System.nanoTime() - start) / 1_000_000;
                    inside = Long.parseLong(m.group(1));
                    Matcher s = SPLASH.matcher(line);
                    splash = s.find() ? Long.parseLong(s.group(1)) : -1;
                }
            }
            if (!shell.waitFor(2, TimeUnit.MINUTES) || shell.exitValue() != 0 || page < 0) {
                throw new IOException("the smoke start failed (exit " + (shell.isAlive() ? "none" : shell.exitValue()) + ")");
            }
            String pixel = painted.get(2, TimeUnit.MINUTES);
            if (pixel == null || !pixel.startsWith("painted ")) {
                throw new IOException("the screen watch saw nothing painted: " + pixel);
            }
            String[] seen = pixel.split(" ");
            return new Start(Long.parseLong(seen[1]), seen[2], page, splash, inside);
        } finally {
            watch.destroyForcibly().waitFor();
        }
    }

    /** PSS in kB summed over {@code process} and every process it started. */
    static long pssKb(ProcessHandle process) throws IOException {
        long total = 0;
        List<ProcessHandle> all = new ArrayList<>(List.of(process));
        all.addAll(process.descendants().toList());
        for (ProcessHandle p : all) {
            Path rollup = Path.of("/proc", Long.toString(p.pid()), "smaps_rollup");
            if (!Files.isReadable(rollup)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(rollup)) {
                total += lines.filter(l -> l.startsWith("Pss:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
            }
        }
        return total;
    }

    /** The app started with the driver, its first page loaded, then left idle for {@code idle}: PSS of all its processes. */
    static long idlePssKb(RunningShell app, Duration idle) throws Exception {
        app.awaitEvent(ShellEvent.PageLoaded.class, "/items/");
        Thread.sleep(idle.toMillis()); // a measurement interval, not a wait for an event
        return pssKb(app.process.toHandle());
    }

    /** SIGTERM to exit, in ms; fails if the app does not quit cleanly or leaves a process. */
    static long shutdownMs(RunningShell app) throws Exception {
        long start = System.nanoTime();
        int exit = app.terminate();
        long took = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IOException("the " + app.shell + " shell exited " + exit + " on SIGTERM");
        }
        return took;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
