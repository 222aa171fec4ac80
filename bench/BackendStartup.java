import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Startup benchmark for any backend command that honours the backend contract (env token,
 * ready line, /health/). Prints time from process start to the first /health/ 200, and the
 * idle RSS after start, for N runs: median, min and max.
 *
 *   java bench/BackendStartup.java [--runs N] [--label L] [--idle-ms MS] -- COMMAND...
 *
 * Run 1 starts on an empty app-data directory (first run: migrations and seeding); the
 * statistics cover the following warm runs on the same directory.
 */
public final class BackendStartup {
    private static final Pattern PORT = Pattern.compile("\"port\":(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** One start: ready line and health after process start, idle RSS, shutdown request to process exit. */
    record Sample(double readyMs, double healthMs, long rssKb, double exitMs) {
    }

    /** Warm-run statistics of one command. */
    record Summary(String label, double firstMs, double medianMs, double minMs, double maxMs, double readyMedianMs,
            long rssMedianKb) {
        @Override
        public String toString() {
            return String.format("%s: first run %.0f ms to health; warm x%s: median %.0f ms, min %.0f ms, max %.0f ms"
                    + " (ready line median %.0f ms); idle RSS median %d MB", label, firstMs, "N", medianMs, minMs, maxMs,
                    readyMedianMs, rssMedianKb / 1024);
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        long idleMs = 1500;
        String label = "backend";
        int split = Arrays.asList(args).indexOf("--");
        if (split < 0 || split == args.length - 1) {
            System.err.println("usage: java bench/BackendStartup.java [--runs N] [--label L] [--idle-ms MS] -- COMMAND...");
            System.exit(2);
        }
        for (int i = 0; i < split; i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--label" -> label = args[i + 1];
                case "--idle-ms" -> idleMs = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> command = List.of(Arrays.copyOfRange(args, split + 1, args.length));
        System.out.println(measure(label, command, Path.of("."), runs, idleMs).toString().replace("xN", "x" + runs));
    }

    static Summary measure(String label, List<String> command, Path workDir, int runs, long idleMs) throws Exception {
        Path appData = Files.createTempDirectory("bench-app-data");
        Sample first = runOnce(command, workDir, appData, idleMs);
        List<Sample> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            warm.add(runOnce(command, workDir, appData, idleMs));
        }
        double[] health = warm.stream().mapToDouble(Sample::healthMs).sorted().toArray();
        double[] ready = warm.stream().mapToDouble(Sample::readyMs).sorted().toArray();
        long[] rss = warm.stream().mapToLong(Sample::rssKb).sorted().toArray();
        return new Summary(label, first.healthMs(), median(health), health[0], health[health.length - 1],
                median(ready), rss[rss.length / 2]);
    }

    static Sample runOnce(List<String> command, Path workDir, Path appData, long idleMs) throws Exception {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DESKTOP_STARTER_TOKEN", token);
        builder.environment().put("DESKTOP_STARTER_APP_DATA_DIR", appData.toString());
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            int port = readPort(process);
            double readyMs = (System.nanoTime() - started) / 1e6;
            while (status(port, token, "/health/") != 200) {
                Thread.sleep(2);
            }
            double healthMs = (System.nanoTime() - started) / 1e6;
            Thread.sleep(idleMs);
            long rss = rssKb(process.pid());
            long stopping = System.nanoTime();
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/desktop/shutdown"))
                    .header("X-Desktop-Token", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            // 2 min: a JVM writing an AOT cache at exit assembles it in a child JVM first.
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("backend did not stop after /desktop/shutdown");
            }
            return new Sample(readyMs, healthMs, rss, (System.nanoTime() - stopping) / 1e6);
        } finally {
            process.destroyForcibly();
        }
    }

    private static int readPort(Process process) throws IOException {
        BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
        String line = out.readLine();
        Matcher m = PORT.matcher(line == null ? "" : line);
        if (!m.find()) {
            throw new IllegalStateException("no ready line from the backend (got: " + line + ")");
        }
        return Integer.parseInt(m.group(1));
    }

    private static int status(int port, String token, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Desktop-Token", token).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
