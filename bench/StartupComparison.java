import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backend start-up, three ways, side by side: (a) {@code java -jar} on the full JDK, (b) the staged jlink runtime
 * as released, on its first start, which records the user's AOT cache (the launcher adds
 * {@code -XX:AOTCacheOutput}, D-055; the runtime's default CDS archive is all it has), (c) the same tree on every
 * later start, with that cache ({@code -XX:AOTCache}).
 *
 *   ./mvnw -pl staging -am package -DskipTests
 *   java bench/StartupComparison.java [runs]
 *
 * Uses BackendStartup.java from the same directory (multi-file source launcher).
 */
public final class StartupComparison {
    /** The staged backend as released, from the repository root. */
    static final String STAGED = "staging/target/stage/backend";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Path.of("").toAbsolutePath();
        Path staged = root.resolve(STAGED);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path coreJar;
        try (Stream<Path> files = Files.list(root.resolve("core/target"))) {
            coreJar = files.filter(p -> p.getFileName().toString().matches("desktop-starter-core-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("build first: ./mvnw -pl staging -am package"));
        }
        Path cache = Files.createTempDirectory("startup-bench").resolve("backend.aot");

        List<BackendStartup.Summary> results = new ArrayList<>();
        results.add(BackendStartup.measure("(a) java -jar, full JDK",
                List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", coreJar.toString()), root, runs, 1500));
        results.add(BackendStartup.measure("(b) staged, first start (records the AOT cache)",
                with(command(staged), "-XX:AOTCacheOutput=" + cache), staged, runs, 1500));
        results.add(BackendStartup.measure("(c) staged, later starts (with that cache)",
                with(command(staged), "-XX:AOTCache=" + cache), staged, runs, 1500));

        double base = results.getFirst().medianMs();
        System.out.printf("%n| variant | first run | warm median | min | max | ready line | idle RSS | speed-up vs (a) |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|%n");
        for (BackendStartup.Summary s : results) {
            System.out.printf("| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d MB | %.2fx |%n", s.label(),
                    s.firstMs(), s.medianMs(), s.minMs(), s.maxMs(), s.readyMedianMs(), s.rssMedianKb() / 1024,
                    base / s.medianMs());
        }
        System.out.printf("%nstaged tree: %.1f MB (%s); the user's AOT cache: %.1f MB%n", size(staged) / 1e6, staged,
                Files.size(cache) / 1e6);
    }

    /** {@code command} with a JVM option after the executable, where the launcher puts the cache option. */
    static List<String> with(List<String> command, String option) {
        List<String> all = new ArrayList<>(command);
        all.add(1, option);
        return all;
    }

    /** The backend command from the tree's manifest (a regex suffices for our own JSON). */
    static List<String> command(Path tree) throws Exception {
        String json = Files.readString(tree.resolve("runtime-manifest.json"));
        Matcher block = Pattern.compile("\"backend\"\\s*:\\s*\\{\\s*\"command\"\\s*:\\s*\\[(.*?)]", Pattern.DOTALL).matcher(json);
        if (!block.find()) {
            throw new IllegalStateException("no backend command in " + tree);
        }
        List<String> command = new ArrayList<>();
        Matcher arg = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(block.group(1));
        while (arg.find()) {
            command.add(arg.group(1));
        }
        return command;
    }

    static long size(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
