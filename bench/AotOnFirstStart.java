import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Where the backend's AOT cache should come from (issue 21): trained at build time and shipped (not
 * byte-reproducible), or made on the user's machine by the first start (JDK 25, JEP 514's
 * {@code -XX:AOTCacheOutput}: the JVM records while it runs and assembles the cache in a child JVM at
 * exit), the release then carrying only jlink's default CDS archive. Each round, on a fresh app-data
 * folder whose database already exists:
 *   shipped   the staged tree as released today (build-time training, scripted pages)
 *   cds only  the tree staged without an AOT cache (jlink's default CDS archive)
 *   1st start the cds-only tree recording a cache (-XX:AOTCacheOutput), and its exit, which assembles it
 *   2nd start the cds-only tree with the cache the first start made (-XX:AOTCache)
 *
 *   ./mvnw -pl staging -am package -DskipTests
 *   java bench/AotOnFirstStart.java [rounds]
 */
public final class AotOnFirstStart {
    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path staged = root.resolve(StartupComparison.STAGED);
        Path cdsOnly = root.resolve(StartupComparison.NO_AOT);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        if (!Files.isDirectory(cdsOnly)) {
            StartupComparison.stageWithoutAot(Path.of(System.getProperty("java.home"), "bin", "java").toString(), root, cdsOnly);
        }
        List<String> shippedCommand = StartupComparison.command(staged);
        List<String> cdsCommand = StartupComparison.command(cdsOnly);
        List<BackendStartup.Sample> shipped = new ArrayList<>();
        List<BackendStartup.Sample> cds = new ArrayList<>();
        List<BackendStartup.Sample> recording = new ArrayList<>();
        List<BackendStartup.Sample> withUserCache = new ArrayList<>();
        long cacheBytes = 0;
        for (int round = 0; round < rounds; round++) {
            Path data = Files.createTempDirectory("aot-bench-data");
            Path cache = Files.createTempDirectory("aot-bench-cache").resolve("backend.aot");
            BackendStartup.runOnce(cdsCommand, cdsOnly, data, 0); // creates the database, as any first run does
            shipped.add(BackendStartup.runOnce(shippedCommand, staged, data, 0));
            cds.add(BackendStartup.runOnce(cdsCommand, cdsOnly, data, 0));
            recording.add(BackendStartup.runOnce(with(cdsCommand, "-XX:AOTCacheOutput=" + cache), cdsOnly, data, 0));
            cacheBytes = Files.size(cache);
            withUserCache.add(BackendStartup.runOnce(with(cdsCommand, "-XX:AOTCache=" + cache), cdsOnly, data, 0));
            System.out.printf("round %d: shipped %.0f ms, cds only %.0f ms, 1st start %.0f ms (exit %.0f ms), 2nd start %.0f ms%n",
                    round + 1, shipped.getLast().healthMs(), cds.getLast().healthMs(), recording.getLast().healthMs(),
                    recording.getLast().exitMs(), withUserCache.getLast().healthMs());
        }
        System.out.printf("%n| variant (median of %d) | process start → /health/ 200 | shutdown request → exit | idle RSS |%n", rounds);
        System.out.println("|---|---|---|---|");
        row("shipped cache (build-time training)", shipped);
        row("default CDS only (a release without a cache)", cds);
        row("first start recording a cache (-XX:AOTCacheOutput)", recording);
        row("second start with the user's cache (-XX:AOTCache)", withUserCache);
        System.out.printf("%nuser cache %.1f MB; shipped app/app.aot %.1f MB%n", cacheBytes / 1e6,
                Files.size(staged.resolve("app/app.aot")) / 1e6);
    }

    private static List<String> with(List<String> command, String option) {
        List<String> all = new ArrayList<>(command);
        all.add(1, option);
        return all;
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
