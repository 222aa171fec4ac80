import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launches a shell in --smoke mode N+1 times on one app-data directory (the first, cold run is
 * reported apart) and prints the medians of its smoke line: splash, healthy, first page, RSS.
 *
 *   java bench/ShellSmoke.java [--runs N] [--label L] -- SHELL_COMMAND... --smoke [--smoke-idle-ms=3000]
 */
public final class ShellSmoke {
    private static final Pattern SMOKE = Pattern.compile("\"splash_ms\":(\\d+),\"healthy_ms\":(\\d+),"
            + "\"first_page_ms\":(\\d+),\"rss_kb\":(\\d+)");

    public static void main(String[] args) throws Exception {
        int split = Arrays.asList(args).indexOf("--");
        int runs = 10;
        String label = "shell";
        for (int i = 0; i < split; i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--label" -> label = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> command = List.of(Arrays.copyOfRange(args, split + 1, args.length));
        Path appData = Files.createTempDirectory("bench-shell");
        long[] cold = runOnce(command, appData);
        List<long[]> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            warm.add(runOnce(command, appData));
        }
        System.out.printf("%s: cold first run: splash %d ms, healthy %d ms, first page %d ms, RSS %d MB%n",
                label, cold[0], cold[1], cold[2], cold[3] / 1024);
        System.out.printf("%s: warm x%d medians: splash %d ms, healthy %d ms, first page %d ms (min %d, max %d),"
                + " RSS shell+backend %d MB%n", label, runs, median(warm, 0), median(warm, 1), median(warm, 2),
                warm.stream().mapToLong(r -> r[2]).min().orElseThrow(), warm.stream().mapToLong(r -> r[2]).max().orElseThrow(),
                median(warm, 3) / 1024);
    }

    static long[] runOnce(List<String> command, Path appData) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DESKTOP_STARTER_APP_DATA_DIR", appData.toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("smoke run failed (exit " + p.exitValue() + "): " + out);
        }
        Matcher m = SMOKE.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no smoke line in: " + out);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))};
    }

    static long median(List<long[]> rows, int column) {
        long[] values = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
