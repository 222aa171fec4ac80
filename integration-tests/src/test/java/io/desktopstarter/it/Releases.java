package io.desktopstarter.it;

import io.desktopstarter.foundation.files.Trees;
import io.desktopstarter.signing.keys.KdfLimits;
import io.desktopstarter.signing.keys.SecretKey;
import io.desktopstarter.signing.keys.SecretKeyFile;
import io.desktopstarter.signing.sign.MinisignSigner;
import io.desktopstarter.testsupport.Required;
import io.desktopstarter.updater.testing.TestPki;
import io.desktopstarter.updater.testing.UpdateServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two real releases of the JavaFX shell built from this source tree by nested Maven builds, both signed with a
 * release key made here: N-1 ({@value #OLD}) and N ({@value #NEW}, from a copy of the tree with one more Flyway
 * migration). Their feed URL is a local HTTPS server whose CA is trusted by the installed apps only through the
 * administrator's policy file, whose path is built into their launchers. N's files are published on that server.
 * Built once per test JVM (failsafe runs every IT of this module in one).
 */
final class Releases {
    static final String SHELL = "javafx";
    static final String OLD = "1.0.0";
    static final String NEW = "1.1.0";
    /** A release after N whose backend cannot start: its new migration is not SQL, so it never gets healthy. */
    static final String BROKEN = "1.2.0";
    static final String FEED = "latest-" + SHELL + ".json";
    /** The migration only N has: a new column with a default, so existing ponies get a value. */
    static final String MIGRATION_NAME = "__it_pony_favourite_treat.sql";
    static final String MIGRATION_SQL = "ALTER TABLE ponies ADD COLUMN favourite_treat TEXT NOT NULL DEFAULT 'apples';\n";

    final Path work;
    final Path policy;
    final TestPki pki;
    final UpdateServer server;
    final Path oldRelease;
    final Path newRelease;
    final Map<String, Duration> timings = new LinkedHashMap<>();
    /** The release key both builds were signed with, for feeds a hostile or careless server makes up. */
    final SecretKey releaseKey;
    private final Path source;
    private final Path key;
    private static final String PASSWORD = "it-release-password";
    /**
     * {@code -Dit.reuseReleases=true}: keep the release folders of an earlier run instead of building them again. Only
     * for iterating on the shell suite: the reused releases point at an earlier run's feed port and release key, so
     * the update tests fail with it.
     */
    private static final java.util.regex.Pattern CURRENT = java.util.regex.Pattern.compile("CURRENT_VERSION = (\\d+);");
    private static final boolean REUSE = Boolean.getBoolean("it.reuseReleases");
    private final Instant now;
    private Path brokenRelease;
    private final Map<String, Path> shellReleases = new LinkedHashMap<>();
    /** The schema version of N-1 (core's {@code Migrations.CURRENT_VERSION} in this tree) and of N (one more). */
    final int oldSchema;
    final int newSchema;

    private static Releases built;

    static synchronized Releases get() throws Exception {
        if (built == null) {
            built = new Releases();
        }
        return built;
    }

    private Releases() throws Exception {
        Required.tool("git", "git");
        Required.tool("tar", "tar");
        source = Path.of(System.getProperty("it.sourceRoot")).toAbsolutePath().normalize();
        work = Path.of(System.getProperty("it.work")).toAbsolutePath().normalize();
        if (Files.exists(work) && !REUSE) {
            Trees.delete(work);
        }
        Files.createDirectories(work);
        pki = TestPki.shared();
        server = UpdateServer.https(pki.serverContext());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));

        // The administrator's policy: trust the test CA for updates (the OS store does not know it).
        policy = work.resolve("etc/updates.properties");
        Files.createDirectories(policy.getParent());
        Files.writeString(policy.resolveSibling("test-ca.pem"), pki.caPem());
        writePolicy("ca = test-ca.pem\n");

        key = work.resolve("keys/release.key");
        Files.createDirectories(key.getParent());
        releaseKey = SecretKeyFile.generate();
        Files.writeString(key, SecretKeyFile.encode(releaseKey, PASSWORD.toCharArray(), KdfLimits.INTERACTIVE));
        // Release dates as a real release has them (the feed's pub_date, and expires 30 days later, come from the
        // build timestamp): N-1 yesterday, N now. The pom's fixed timestamp would make the feeds expire on a fixed day.
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Path oldTree = copySource(source, work.resolve("src-" + OLD));
        oldRelease = build(oldTree, OLD, now.minus(Duration.ofDays(1)), "tar.gz,deb");
        Path newTree = copySource(source, work.resolve("src-" + NEW));
        oldSchema = schemaVersion(source);
        newSchema = oldSchema + 1;
        addMigration(newTree, newSchema, MIGRATION_NAME, MIGRATION_SQL);
        newRelease = build(newTree, NEW, now, "tar.gz,deb");
        publish(newRelease);
        timings.forEach((step, took) -> System.out.printf("[it] %s: %.1f s%n", step, took.toMillis() / 1000.0));
        System.out.printf("[it] update download (N's tar.gz): %d bytes%n", Files.size(artifact(newRelease, NEW, "tar.gz")));
    }

    /**
     * {@value #BROKEN}, built on first use (tar.gz only): N-1's tree plus a migration that is not SQL, so its backend
     * exits before it is healthy. Its files are not published; a test serves them and puts N's back.
     */
    synchronized Path broken() throws Exception {
        if (brokenRelease == null) {
            Path tree = copySource(source, work.resolve("src-" + BROKEN));
            addMigration(tree, oldSchema + 1, "__it_broken.sql", "THIS IS NOT SQL;\n");
            brokenRelease = build(tree, BROKEN, now, "tar.gz");
            System.out.printf("[it] build %s: %.1f s%n", BROKEN, timings.get("build " + BROKEN).toMillis() / 1000.0);
        }
        return brokenRelease;
    }

    /**
     * The portable tar.gz of {@value #NEW} with {@code shell}, for the side-by-side comparison of the shells: N's own
     * for JavaFX and a tar.gz-only build with {@code -Dshell=swing} for Swing, made on first use. With
     * {@code -Dit.compare=true} (the report) both shells are built afresh with every Linux format, for their sizes.
     */
    synchronized Path portable(String shell) throws Exception {
        if (!List.of(SHELL, "swing").contains(shell)) {
            throw new IllegalArgumentException("no shell " + shell);
        }
        boolean compare = Boolean.getBoolean("it.compare");
        if (shell.equals(SHELL) && !compare) {
            return artifact(newRelease, NEW, "tar.gz");
        }
        Path release = shellReleases.get(shell);
        if (release == null) {
            String label = NEW + "-" + shell + (compare ? "-compare" : "");
            release = build(copySource(source, work.resolve("src-" + label)), NEW, now, compare ? "tar.gz,deb,rpm" : "tar.gz",
                    shell, label);
            shellReleases.put(shell, release);
            System.out.printf("[it] build %s: %.1f s%n", label, timings.get("build " + label).toMillis() / 1000.0);
        }
        return release.resolve("desktop-java-starter-" + shell + "-linux-" + NEW + "-x64.tar.gz");
    }

    /** What a developer does for a schema change: the next V<n>__ file and the version core checks at start-up. */
    private static void addMigration(Path tree, int version, String name, String sql) throws IOException {
        Path constant = migrationsClass(tree);
        Files.writeString(constant, CURRENT.matcher(read(constant)).replaceFirst("CURRENT_VERSION = " + version + ";"));
        Files.writeString(tree.resolve("core/src/main/resources/db/migration/V" + version + name), sql);
    }

    /** Core's {@code Migrations.CURRENT_VERSION} in {@code tree}. */
    private static int schemaVersion(Path tree) throws IOException {
        java.util.regex.Matcher current = CURRENT.matcher(read(migrationsClass(tree)));
        if (!current.find()) {
            throw new AssertionError("core's Migrations.CURRENT_VERSION not found in " + migrationsClass(tree));
        }
        return Integer.parseInt(current.group(1));
    }

    private static Path migrationsClass(Path tree) {
        return tree.resolve("core/src/main/java/io/desktopstarter/core/db/Migrations.java");
    }

    void writePolicy(String content) throws IOException {
        Files.writeString(policy, content);
    }

    String baseUrl() {
        return server.url("/").toString();
    }

    Path artifact(Path release, String version, String ext) {
        return release.resolve("desktop-java-starter-" + SHELL + "-linux-" + version + "-x64." + ext);
    }

    /** N's release files on the HTTPS server, under the names its feed's URLs use (not the air-gapped kit). */
    void publish(Path release) throws IOException {
        try (Stream<Path> files = Files.list(release)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().contains("-update-kit.")).toList()) {
                server.put("/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
    }

    /** The source tree as git sees it (tracked and new files, not ignored ones such as target/): what a clone has. */
    private Path copySource(Path source, Path to) throws Exception {
        if (REUSE && Files.isDirectory(to)) {
            return to;
        }
        long start = System.nanoTime();
        Path list = work.resolve("logs/git-ls-files-" + to.getFileName() + ".txt");
        Processes.Result files = Processes.run(source, Map.of("PATH", System.getenv("PATH")), list, Duration.ofMinutes(1),
                List.of("git", "ls-files", "--cached", "--others", "--exclude-standard"));
        if (files.exit() != 0) {
            throw new AssertionError("git ls-files failed in " + source + ":\n" + files.output());
        }
        for (String name : files.output().lines().filter(l -> !l.isBlank()).toList()) {
            Path from = source.resolve(name);
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                continue; // deleted in the working tree, not yet committed
            }
            Path target = to.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(from, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
        timings.put("copy source " + to.getFileName(), Duration.ofNanos(System.nanoTime() - start));
        return to;
    }

    /** A signed release of the JavaFX shell in {@code formats}, built offline from {@code tree}; returns its release folder. */
    private Path build(Path tree, String version, Instant date, String formats) throws Exception {
        return build(tree, version, date, formats, SHELL, version);
    }

    /** As {@link #build(Path, String, Instant, String)} for {@code shell}; {@code label} names its log and release folder. */
    private Path build(Path tree, String version, Instant date, String formats, String shell, String label) throws Exception {
        Path release = work.resolve("release-" + label);
        if (REUSE && Files.isDirectory(release)) {
            timings.put("build " + label, Duration.ZERO);
            return release;
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("DESKTOP_STARTER_SIGNING_KEY", key.toString());
        env.put("DESKTOP_STARTER_SIGNING_PASSWORD", PASSWORD);
        if (System.getenv("CI") != null) {
            env.put("CI", System.getenv("CI"));
        }
        List<String> command = new ArrayList<>(List.of(tree.resolve("mvnw").toString(), "-B", "--no-transfer-progress",
                "package", "-pl", "distribution", "-am",
                "-Drevision=" + version, "-Dshell=" + shell, "-Ddist.formats=" + formats,
                "-Dproject.build.outputTimestamp=" + date,
                "-DskipTests", "-Dfuzz.skip",
                "-Drelease.baseUrl=" + baseUrl(),
                "-Drelease.feedUrl=" + server.url("/" + FEED),
                "-Drelease.policyFile=" + policy));
        Path log = work.resolve("logs/build-" + label + ".log");
        Processes.Result result = Processes.run(tree, env, log, Duration.ofMinutes(25), command);
        timings.put("build " + label, result.took());
        if (result.exit() != 0) {
            throw new AssertionError("the " + version + " release build failed (" + log + "):\n" + Processes.tail(log, 80));
        }
        Files.move(tree.resolve("distribution/target/release"), release);
        return release;
    }

    /** {@code content} signed with the release key as the build signs a feed: the {@code .minisig} file's text. */
    byte[] sign(byte[] content) throws IOException {
        Path file = Files.createTempFile(work, "feed", ".json");
        Files.write(file, content);
        try {
            return new MinisignSigner(releaseKey, Clock.systemUTC()).sign(file, MinisignSigner.defaultTrustedComment(file,
                    Clock.systemUTC())).toFileContent().getBytes(StandardCharsets.UTF_8);
        } finally {
            Files.delete(file);
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
