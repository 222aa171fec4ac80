import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What D-055 costs: the backend's AOT cache is made on the user's machine by the first start (JDK 25, JEP 514's
 * {@code -XX:AOTCacheOutput}: the JVM records while it runs and assembles the cache in a child JVM at exit), the
 * release carrying only jlink's default CDS archive. Each round, on a fresh app-data folder whose database already
 * exists, with the staged tree as released:
 *   cds only  no cache option at all (what a start gets when app data cannot be written)
 *   1st start recording a cache (-XX:AOTCacheOutput), and its exit, which assembles it
 *   2nd start with the cache the first start made (-XX:AOTCache), as every later start
 *
 *   ./mvnw -pl staging -am package -DskipTests
 *   java bench/AotOnFirstStart.java [rounds]
 */
public final class AotOnFirstStart {
    public static void main(String[] args) throws Exception {
        Path staged = Path.of("").toAbsolutePath().resolve(StartupComparison.STAGED);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> command = StartupComparison.command(staged);
        List<BackendStartup.Sample> cds = new ArrayList<>();
        List<BackendStartup.Sample> recording = new ArrayList<>();
        List<BackendStartup.Sample> withUserCache = new ArrayList<>();
        long cacheBytes = 0;
        for (int round = 0; round < rounds; round++) {
            Path data = Files.createTempDirectory("aot-bench-data");
            Path cache = Files.createTempDirectory("aot-bench-cache").resolve("backend.aot");
            BackendStartup.runOnce(command, staged, data, 0); // creates the database, as any first run does
            cds.add(BackendStartup.runOnce(command, staged, data, 0));
            recording.add(BackendStartup.runOnce(StartupComparison.with(command, "-XX:AOTCacheOutput=" + cache), staged, data, 0));
            cacheBytes = Files.size(cache);
            withUserCache.add(BackendStartup.runOnce(StartupComparison.with(command, "-XX:AOTCache=" + cache), staged, data, 0));
            System.out.printf("round %d: cds only %.0f ms, 1st start %.0f ms (exit %.0f ms), 2nd start %.0f ms%n",
                    round + 1, cds.getLast().healthMs(), recording.getLast().healthMs(),
                    recording.getLast().exitMs(), withUserCache.getLast().healthMs());
        }
        System.out.printf("%n| variant (median of %d) | process start → /health/ 200 | shutdown request → exit | idle RSS |%n", rounds);
        System.out.println("|---|---|---|---|");
        row("default CDS only", cds);
        row("first start recording a cache (-XX:AOTCacheOutput)", recording);
        row("second start with the user's cache (-XX:AOTCache)", withUserCache);
        System.out.printf("%nuser cache %.1f MB%n", cacheBytes / 1e6);
    }

    private static void row(String label, List<BackendStartup.Sample> samples) {
        System.out.printf("| %s | %.0f ms | %.0f ms | %d MB |%n", label, median(samples, BackendStartup.Sample::healthMs),
                median(samples, BackendStartup.Sample::exitMs),
                (long) median(samples, s -> s.rssKb()) / 1024);
    }

    private static double median(List<BackendStartup.Sample> samples, ToDoubleFunction<BackendStartup.Sample> value) {
        return BackendStartup.median(samples.stream().mapToDouble(value).sorted().toArray());
    }
}
