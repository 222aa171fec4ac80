import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backend start-up, three ways, side by side: (a) {@code java -jar} on the full JDK, (b) the
 * staged jlink runtime without an AOT cache (staged with --no-aot, so it keeps the JDK's
 * default CDS archive), (c) the staged runtime with its AOT cache, as shipped.
 *
 *   ./mvnw -pl staging -am package -DskipTests
 *   java bench/StartupComparison.java [runs]
 *
 * Uses BackendStartup.java from the same directory (multi-file source launcher).
 */
public final class StartupComparison {
    /** The staged backend as shipped (with its AOT cache), and the same staged without one, from the repository root. */
    static final String STAGED = "staging/target/stage/backend";
    static final String NO_AOT = "staging/target/stage-noaot/backend";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Path.of("").toAbsolutePath();
        Path staged = root.resolve(STAGED);
        Path noAot = root.resolve(NO_AOT);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path coreJar;
        try (Stream<Path> files = Files.list(root.resolve("core/target"))) {
            coreJar = files.filter(p -> p.getFileName().toString().matches("desktop-starter-core-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("build first: ./mvnw -pl staging -am package"));
        }
        stageWithoutAot(java, root, noAot);

        List<BackendStartup.Summary> results = new ArrayList<>();
        results.add(BackendStartup.measure("(a) java -jar, full JDK",
                List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", coreJar.toString()), root, runs, 1500));
        results.add(BackendStartup.measure("(b) staged jlink runtime, no AOT", command(noAot), noAot, runs, 1500));
        results.add(BackendStartup.measure("(c) staged + AOT cache", command(staged), staged, runs, 1500));

        double base = results.getFirst().medianMs();
        System.out.printf("%n| variant | first run | warm median | min | max | ready line | idle RSS | speed-up vs (a) |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|%n");
        for (BackendStartup.Summary s : results) {
            System.out.printf("| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d MB | %.2fx |%n", s.label(),
                    s.firstMs(), s.medianMs(), s.minMs(), s.maxMs(), s.readyMedianMs(), s.rssMedianKb() / 1024,
                    base / s.medianMs());
        }
        System.out.printf("%nstaged tree: %.1f MB with AOT (%s), %.1f MB without%n",
                size(staged) / 1e6, staged, size(noAot) / 1e6);
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

    static void stageWithoutAot(String java, Path root, Path output) throws Exception {
        Path cli;
        try (Stream<Path> files = Files.list(root.resolve("staging/target"))) {
            cli = files.filter(p -> p.getFileName().toString().matches("desktop-starter-staging-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow();
        }
        List<String> cmd = List.of(java, "-jar", cli.toString(), "stage", "--no-aot",
                "--app=" + root.resolve("core/target"), "--app=" + root.resolve("core/target/lib"),
                "--main-jar=desktop-starter-core", "--main-class=io.desktopstarter.core.Main",
                "--output=" + output, "--version=bench", "--created-at=2026-11-23T00:00:00Z",
                "--exclude-module=java.desktop");
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("staging without AOT failed");
        }
    }

    static long size(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
