import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Load harness for the backend and its task worker on one SQLite file (not part of {@code ./mvnw verify}).
 *
 *   java --enable-native-access=ALL-UNNAMED -cp "core/target/lib/*" bench/SqliteLoad.java \
 *        [--seconds 30] [--warmup 3] [--readers 4] [--writers 4] [--runs 1] [--core core/target] [--self-check true]
 *        [--backend-jvm-args -Da=b,-Dc=d]
 *
 * Each run starts the real backend server and worker (core jar + core/target/lib, the layout
 * {@code ./mvnw -pl core package} leaves) on a fresh app-data folder, then for {@code --warmup} +
 * {@code --seconds} runs over HTTP on loopback: readers (GET /items/, /tasks/, /tasks/status/),
 * writers (each creates, edits and deletes its own ponies with the session token and the CSRF token,
 * as the app's forms do; after a create it looks the new pony's id up on /items/), and one task
 * poster (POST /tasks/, JSON, one every 50 ms; the worker runs each task for 0-50 ms, so it claims
 * and finishes tasks throughout). Only the measured window counts towards rates and latencies.
 *
 * Afterwards both processes are stopped and the SQLite file is read with sqlite-jdbc: every write
 * that got a success reply must be there exactly once (creates present once, the last acknowledged
 * edit's notes in place, acknowledged deletes gone, every acknowledged task id present). A write
 * without a success reply (error or timeout) is "unacknowledged": it may or may not have happened,
 * so it is counted and left out of the check. SQLITE_BUSY: the backend waits on a 20 s busy timeout
 * inside SQLite, which does not report its waits, so what is counted is what surfaced: log lines
 * with SQLITE_BUSY / "database is locked" and 5xx replies.
 *
 * {@code --self-check true} proves the check can fail: before verifying, it deletes one acknowledged
 * pony and copies another straight in the SQLite file; the run must then report 1 lost and 1
 * duplicated write (and exits 1).
 */
public final class SqliteLoad {
    private static final Pattern PORT = Pattern.compile("\"port\":(\\d+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([0-9a-f]+)\"");
    private static final Pattern TASK_ID = Pattern.compile("\"id\":(\\d+)");
    private static final List<String> READ_PATHS = List.of("/items/", "/tasks/", "/tasks/status/");
    private static final String[] STATUSES = {"GRAZING", "GALLOPING", "SHOW_READY"};
    private static final int LIVE_PER_WRITER = 5;

    record Options(int seconds, int warmup, int readers, int writers, int runs, Path core, boolean selfCheck,
            List<String> backendJvmArgs) {
    }

    /** Latencies (ns) and counts of one kind of request, inside the measured window. */
    static final class Series {
        long[] nanos = new long[1024];
        int n;
        long errors;

        void add(long ns) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = ns;
        }

        void addAll(Series other) {
            for (int i = 0; i < other.n; i++) {
                add(other.nanos[i]);
            }
            errors += other.errors;
        }

        double percentileMs(double p) {
            if (n == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(n - 1, Math.ceil(p / 100.0 * n) - 1)] / 1e6;
        }
    }

    /** What one writer believes about one of its ponies, from the replies it got. */
    static final class Pony {
        final String name;
        long id = -1;
        String notes;
        boolean deleted;
        boolean unknown; // a write to it got no success reply: its state is not known

        Pony(String name, String notes) {
            this.name = name;
            this.notes = notes;
        }
    }

    record RunResult(double seconds, double readsPerSec, double readP50, double readP99, double writesPerSec, double writeP50,
            double writeP99, Map<String, Long> writeCounts, long readErrors, long writeErrors, long http5xx, long busyLines,
            long workerErrors, long tasksFinished, long lost, long duplicated, long unacknowledged, List<String> findings,
            Map<String, String> readP50ByPath) {
        String line() {
            return String.format("%.1f s | reads %.0f/s p50 %.1f ms p99 %.1f ms (p50 ms by page %s) | writes %.0f/s p50 %.1f ms p99 %.1f ms %s"
                    + " | worker finished %d tasks | SQLITE_BUSY lines %d, 5xx %d, worker errors %d, read errors %d,"
                    + " write errors %d | lost %d, duplicated %d, unacknowledged %d",
                    seconds, readsPerSec, readP50, readP99, readP50ByPath, writesPerSec, writeP50, writeP99, writeCounts, tasksFinished,
                    busyLines, http5xx, workerErrors, readErrors, writeErrors, lost, duplicated, unacknowledged);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--seconds", "30", "--warmup", "3", "--readers", "4",
                "--writers", "4", "--runs", "1", "--core", "core/target", "--self-check", "false"));
        o.put("--backend-jvm-args", "");
        for (int i = 0; i < args.length; i += 2) {
            if (!o.containsKey(args[i]) || i + 1 >= args.length) {
                System.err.println("usage: java --enable-native-access=ALL-UNNAMED -cp \"core/target/lib/*\" bench/SqliteLoad.java"
                        + " [--seconds 30] [--warmup 3] [--readers 4] [--writers 4] [--runs 1] [--core core/target]"
                        + " [--self-check true] [--backend-jvm-args -Da=b,-Dc=d]");
                System.exit(2);
            }
            o.put(args[i], args[i + 1]);
        }
        Options options = new Options(Integer.parseInt(o.get("--seconds")), Integer.parseInt(o.get("--warmup")),
                Integer.parseInt(o.get("--readers")), Integer.parseInt(o.get("--writers")), Integer.parseInt(o.get("--runs")),
                Path.of(o.get("--core")), Boolean.parseBoolean(o.get("--self-check")),
                Arrays.stream(o.get("--backend-jvm-args").split(",")).filter(a -> !a.isBlank()).toList());
        System.out.printf("SqliteLoad: %d run(s) of %d s (+%d s warm-up), %d readers, %d writers, 1 task poster, worker on%s%n",
                options.runs(), options.seconds(), options.warmup(), options.readers(), options.writers(),
                options.backendJvmArgs().isEmpty() ? "" : ", backend JVM options " + options.backendJvmArgs());
        List<RunResult> results = new ArrayList<>();
        for (int r = 1; r <= options.runs(); r++) {
            RunResult result = run(options);
            results.add(result);
            System.out.println("run " + r + ": " + result.line());
            result.findings().forEach(f -> System.out.println("  FINDING: " + f));
        }
        if (results.size() > 1) {
            System.out.printf("median of %d runs: reads %.0f/s p50 %.1f ms p99 %.1f ms | writes %.0f/s p50 %.1f ms p99 %.1f ms%n",
                    results.size(), median(results, RunResult::readsPerSec), median(results, RunResult::readP50),
                    median(results, RunResult::readP99), median(results, RunResult::writesPerSec),
                    median(results, RunResult::writeP50), median(results, RunResult::writeP99));
        }
        long lost = results.stream().mapToLong(RunResult::lost).sum();
        long duplicated = results.stream().mapToLong(RunResult::duplicated).sum();
        System.out.printf("all runs: lost writes %d, duplicated writes %d, unacknowledged %d, SQLITE_BUSY lines %d, 5xx %d%n",
                lost, duplicated, results.stream().mapToLong(RunResult::unacknowledged).sum(),
                results.stream().mapToLong(RunResult::busyLines).sum(), results.stream().mapToLong(RunResult::http5xx).sum());
        System.exit(lost == 0 && duplicated == 0 ? 0 : 1);
    }

    static RunResult run(Options options) throws Exception {
        Path appData = Files.createTempDirectory("sqlite-load-");
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        List<String> base = backendCommand(options.core(), options.backendJvmArgs());
        Process server = start(base, List.of(), appData, token, "server");
        Process worker = null;
        boolean keep = false;
        try {
            int port = readPort(server);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
            Client client = new Client(http, port, token);
            long healthDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (client.get("/health/").statusCode() != 200) {
                if (System.nanoTime() > healthDeadline) {
                    throw new IllegalStateException("backend not healthy within 20 s");
                }
                Thread.sleep(20);
            }
            worker = start(base, List.of("--worker"), appData, token, "worker");
            awaitLog(appData.resolve("logs/worker.log"), "Task worker started");
            Matcher csrf = CSRF.matcher(client.get("/items/").body());
            if (!csrf.find()) {
                throw new IllegalStateException("no csrf-token meta tag on /items/");
            }
            client.csrf = csrf.group(1);

            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(options.warmup());
            long end = measureFrom + TimeUnit.SECONDS.toNanos(options.seconds());
            List<Thread> threads = new ArrayList<>();
            List<Map<String, Series>> reads = new ArrayList<>();
            Map<String, Series> writes = new ConcurrentHashMap<>();
            List<WriterState> writers = new ArrayList<>();
            List<Long> taskIds = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicLong http5xx = new AtomicLong();
            AtomicLong unacknowledged = new AtomicLong();
            for (int i = 0; i < options.readers(); i++) {
                Map<String, Series> byPath = new TreeMap<>();
                READ_PATHS.forEach(path -> byPath.put(path, new Series()));
                reads.add(byPath);
                int offset = i;
                threads.add(Thread.ofPlatform().name("reader-" + i).start(() -> {
                    for (int k = offset; System.nanoTime() < end; k++) {
                        String path = READ_PATHS.get(k % READ_PATHS.size());
                        timed(byPath.get(path), measureFrom, end, http5xx, () -> client.get(path), 200);
                    }
                }));
            }
            for (int i = 0; i < options.writers(); i++) {
                WriterState w = new WriterState(i);
                writers.add(w);
                threads.add(Thread.ofPlatform().name("writer-" + i).start(() -> w.loop(client, measureFrom, end, http5xx,
                        unacknowledged)));
            }
            Series tasks = new Series();
            threads.add(Thread.ofPlatform().name("task-poster").start(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.postJson("/tasks/");
                        if (r.statusCode() == 201) {
                            Matcher m = TASK_ID.matcher(r.body());
                            if (m.find()) {
                                taskIds.add(Long.parseLong(m.group(1)));
                            }
                            record(tasks, t0, measureFrom, end);
                        } else {
                            countError(tasks, r.statusCode(), http5xx, t0, measureFrom);
                            unacknowledged.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        countError(tasks, -1, http5xx, t0, measureFrom);
                        unacknowledged.incrementAndGet();
                    }
                    sleep(50);
                }
            }));
            for (Thread t : threads) {
                t.join();
            }
            double seconds = options.seconds();

            // Stop: the server by its shutdown request, the worker by SIGTERM (what the launcher does).
            client.post("/desktop/shutdown", Map.of());
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server did not stop");
            }
            worker.destroy();
            if (!worker.waitFor(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the worker did not stop");
            }

            Series allReads = new Series();
            Map<String, Series> readsByPath = new TreeMap<>();
            for (Map<String, Series> byPath : reads) {
                byPath.forEach((path, series) -> {
                    allReads.addAll(series);
                    readsByPath.computeIfAbsent(path, k -> new Series()).addAll(series);
                });
            }
            Map<String, String> readP50ByPath = new TreeMap<>();
            readsByPath.forEach((path, series) -> readP50ByPath.put(path, String.format("%.1f", series.percentileMs(50))));
            Series allWrites = new Series();
            Map<String, Long> counts = new TreeMap<>();
            for (WriterState w : writers) {
                w.series.forEach((op, s) -> {
                    allWrites.addAll(s);
                    counts.merge(op, (long) s.n, Long::sum);
                });
            }
            allWrites.addAll(tasks);
            counts.put("task", (long) tasks.n);
            long busy = 0;
            long workerErrors = 0;
            try (Stream<Path> logs = Files.list(appData.resolve("logs"))) {
                for (Path log : logs.toList()) {
                    for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                        if (line.contains("SQLITE_BUSY") || line.contains("database is locked")) {
                            busy++;
                        }
                        if (line.contains("Task worker error")) {
                            workerErrors++;
                        }
                    }
                }
            }
            if (options.selfCheck()) {
                sabotage(appData.resolve("app.sqlite3"), writers);
            }
            Verification v = verify(appData.resolve("app.sqlite3"), writers, taskIds);
            List<String> findings = new ArrayList<>(v.findings());
            if (!findings.isEmpty()) {
                keep = true;
                findings.add("app data kept for inspection: " + appData);
            }
            return new RunResult(seconds, allReads.n / seconds, allReads.percentileMs(50), allReads.percentileMs(99),
                    allWrites.n / seconds, allWrites.percentileMs(50), allWrites.percentileMs(99), counts, allReads.errors,
                    allWrites.errors, http5xx.get(), busy, workerErrors, v.tasksFinished(), v.lost(), v.duplicated(),
                    unacknowledged.get(), findings, readP50ByPath);
        } finally {
            server.destroyForcibly();
            if (worker != null) {
                worker.destroyForcibly();
            }
            server.waitFor(10, TimeUnit.SECONDS);
            if (!keep) {
                deleteTree(appData);
            }
        }
    }

    /** One writer: its own ponies only, one request at a time, so the last acknowledged write is the truth. */
    static final class WriterState {
        final int number;
        final SplittableRandom random;
        final List<Pony> all = new ArrayList<>();
        final List<Pony> live = new ArrayList<>();
        final Map<String, Series> series = new TreeMap<>();
        int seq;

        WriterState(int number) {
            this.number = number;
            this.random = new SplittableRandom(1000 + number);
        }

        void loop(Client client, long measureFrom, long end, AtomicLong http5xx, AtomicLong unacknowledged) {
            while (System.nanoTime() < end) {
                double dice = random.nextDouble();
                if (live.size() < LIVE_PER_WRITER && (live.isEmpty() || dice < 0.5)) {
                    create(client, measureFrom, end, http5xx, unacknowledged);
                } else if (dice < 0.75) {
                    edit(client, live.get(random.nextInt(live.size())), measureFrom, end, http5xx, unacknowledged);
                } else {
                    delete(client, live.get(random.nextInt(live.size())), measureFrom, end, http5xx, unacknowledged);
                }
            }
        }

        private void create(Client client, long measureFrom, long end, AtomicLong http5xx, AtomicLong unacknowledged) {
            Pony p = new Pony("load-w" + number + "-" + (++seq), "created " + seq);
            all.add(p);
            if (!write("create", client, "/items/new/", Map.of("name", p.name, "status", "GRAZING", "notes", p.notes),
                    measureFrom, end, http5xx)) {
                p.unknown = true;
                unacknowledged.incrementAndGet();
                return;
            }
            // The reply is a redirect without the id: find it on the list page (not counted as a read).
            try {
                Matcher m = Pattern.compile("<h2>(?:<bdi>)?" + Pattern.quote(p.name)
                        + "(?:</bdi>)?</h2>[\\s\\S]*?href=\"/items/(\\d+)/edit/\"").matcher(client.get("/items/").body());
                if (!m.find()) {
                    // Acknowledged but not listed: lost (the verification says so), or the list's markup changed
                    // and this harness no longer edits or deletes anything. Either way the numbers are wrong.
                    throw new IllegalStateException("created pony " + p.name + " is not on /items/ (markup changed?)");
                }
                p.id = Long.parseLong(m.group(1));
                live.add(p);
            } catch (IOException | InterruptedException e) {
                // The pony stays out of later edits and deletes; the verification still checks it exists.
            }
        }

        private void edit(Client client, Pony p, long measureFrom, long end, AtomicLong http5xx, AtomicLong unacknowledged) {
            String notes = "edit " + (++seq);
            if (write("edit", client, "/items/" + p.id + "/edit/",
                    Map.of("name", p.name, "status", STATUSES[random.nextInt(STATUSES.length)], "notes", notes),
                    measureFrom, end, http5xx)) {
                p.notes = notes;
            } else {
                p.unknown = true;
                live.remove(p);
                unacknowledged.incrementAndGet();
            }
        }

        private void delete(Client client, Pony p, long measureFrom, long end, AtomicLong http5xx, AtomicLong unacknowledged) {
            live.remove(p);
            if (write("delete", client, "/items/" + p.id + "/delete/", Map.of(), measureFrom, end, http5xx)) {
                p.deleted = true;
            } else {
                p.unknown = true;
                unacknowledged.incrementAndGet();
            }
        }

        private boolean write(String op, Client client, String path, Map<String, String> form, long measureFrom, long end,
                AtomicLong http5xx) {
            Series s = series.computeIfAbsent(op, k -> new Series());
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = client.post(path, form);
                if (r.statusCode() == 303) {
                    record(s, t0, measureFrom, end);
                    return true;
                }
                countError(s, r.statusCode(), http5xx, t0, measureFrom);
            } catch (IOException | InterruptedException e) {
                countError(s, -1, http5xx, t0, measureFrom);
            }
            return false;
        }
    }

    record Verification(long lost, long duplicated, long tasksFinished, List<String> findings) {
    }

    /** Reads the SQLite file after both processes stopped and checks every acknowledged write. */
    static Verification verify(Path database, List<WriterState> writers, List<Long> taskIds) throws Exception {
        long lost = 0;
        long duplicated = 0;
        List<String> findings = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            Map<String, List<String>> rows = new TreeMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name, notes FROM ponies WHERE name LIKE 'load-w%'")) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            java.util.Set<String> known = new java.util.HashSet<>();
            for (WriterState w : writers) {
                for (Pony p : w.all) {
                    known.add(p.name);
                    List<String> found = rows.getOrDefault(p.name, List.of());
                    if (found.size() > 1) {
                        duplicated += found.size() - 1;
                        findings.add(p.name + " is in the database " + found.size() + " times");
                    }
                    if (p.unknown) {
                        continue;
                    }
                    if (p.deleted && !found.isEmpty()) {
                        lost++;
                        findings.add(p.name + " was deleted (acknowledged) but is still there");
                    } else if (!p.deleted && found.isEmpty()) {
                        lost++;
                        findings.add(p.name + " was created (acknowledged) but is missing");
                    } else if (!p.deleted && !found.get(0).equals(p.notes)) {
                        lost++;
                        findings.add(p.name + " has notes '" + found.get(0) + "', the last acknowledged edit wrote '" + p.notes + "'");
                    }
                }
            }
            for (String name : rows.keySet()) {
                if (!known.contains(name)) {
                    duplicated++;
                    findings.add(name + " is in the database but no writer created it");
                }
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            long tasksFinished = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, state FROM tasks")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    String state = rs.getString(2);
                    if (state.equals("DONE") || state.equals("FAILED")) {
                        tasksFinished++;
                    }
                }
            }
            List<Long> acknowledged;
            synchronized (taskIds) {
                acknowledged = List.copyOf(taskIds);
            }
            if (new java.util.HashSet<>(acknowledged).size() != acknowledged.size()) {
                duplicated += acknowledged.size() - new java.util.HashSet<>(acknowledged).size();
                findings.add("the same task id was acknowledged twice");
            }
            for (long id : acknowledged) {
                if (!ids.contains(id)) {
                    lost++;
                    findings.add("task " + id + " was acknowledged but is missing");
                }
            }
            return new Verification(lost, duplicated, tasksFinished, findings);
        }
    }

    /** For --self-check: one acknowledged pony lost, another duplicated, behind the backend's back. */
    static void sabotage(Path database, List<WriterState> writers) throws Exception {
        List<Pony> live = writers.stream().flatMap(w -> w.all.stream()).filter(p -> !p.unknown && !p.deleted).toList();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
                PreparedStatement delete = c.prepareStatement("DELETE FROM ponies WHERE name = ?");
                PreparedStatement copy = c.prepareStatement("INSERT INTO ponies (name, status, notes, created_at, updated_at)"
                        + " SELECT name, status, notes, created_at, updated_at FROM ponies WHERE name = ?")) {
            delete.setString(1, live.get(0).name);
            delete.executeUpdate();
            copy.setString(1, live.get(1).name);
            copy.executeUpdate();
        }
        System.out.println("  self-check: deleted " + live.get(0).name + ", duplicated " + live.get(1).name);
    }

    /** Talks to the backend as the shell's window does: token header, CSRF token in forms. */
    static final class Client {
        final HttpClient http;
        final int port;
        final String token;
        volatile String csrf = "";

        Client(HttpClient http, int port, String token) {
            this.http = http;
            this.port = port;
            this.token = token;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("csrf_token", csrf);
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(String path) throws IOException, InterruptedException {
            return http.send(request(path).header("Accept", "application/json").header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            // 30 s: longer than the backend's 20 s busy timeout, so a lock wait ends in the server's reply.
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                    .header("X-Desktop-Token", token);
        }
    }

    interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    static void timed(Series s, long measureFrom, long end, AtomicLong http5xx, Call call, int expected) {
        long t0 = System.nanoTime();
        try {
            int status = call.send().statusCode();
            if (status == expected) {
                record(s, t0, measureFrom, end);
            } else {
                countError(s, status, http5xx, t0, measureFrom);
            }
        } catch (IOException | InterruptedException e) {
            countError(s, -1, http5xx, t0, measureFrom);
        }
    }

    /** Counts a request that started inside the measured window. */
    static void record(Series s, long t0, long measureFrom, long end) {
        if (t0 >= measureFrom && t0 < end) {
            s.add(System.nanoTime() - t0);
        }
    }

    static void countError(Series s, int status, AtomicLong http5xx, long t0, long measureFrom) {
        if (status >= 500) {
            http5xx.incrementAndGet();
        }
        if (t0 >= measureFrom) {
            s.errors++;
        }
    }

    static List<String> backendCommand(Path core, List<String> jvmArgs) throws IOException {
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> files = Files.list(core)) {
            files.filter(p -> p.getFileName().toString().matches("desktop-starter-core-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-tests.jar")).forEach(p -> classPath.add(p.toString()));
        }
        if (classPath.isEmpty()) {
            throw new IllegalStateException("no desktop-starter-core jar in " + core + "; run ./mvnw -pl core -am package -DskipTests");
        }
        try (Stream<Path> libs = Files.list(core.resolve("lib"))) {
            libs.map(Path::toString).filter(p -> p.endsWith(".jar")).sorted().forEach(classPath::add);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), "io.desktopstarter.core.Main"));
        return command;
    }

    static Process start(List<String> base, List<String> extra, Path appData, String token, String role) throws IOException {
        List<String> command = new ArrayList<>(base);
        command.addAll(extra);
        ProcessBuilder b = new ProcessBuilder(command).redirectError(appData.resolve(role + ".stderr").toFile());
        b.environment().keySet().removeIf(k -> k.startsWith("DESKTOP_STARTER_"));
        b.environment().put("DESKTOP_STARTER_TOKEN", token);
        b.environment().put("DESKTOP_STARTER_APP_DATA_DIR", appData.toString());
        b.environment().put("DESKTOP_STARTER_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        b.environment().put("DESKTOP_STARTER_TASK_DURATION_MS", "0-50");
        if (role.equals("worker")) {
            b.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        return b.start();
    }

    static int readPort(Process server) throws IOException {
        BufferedReader out = server.inputReader(StandardCharsets.UTF_8);
        String line = out.readLine();
        Matcher m = PORT.matcher(line == null ? "" : line);
        if (!m.find()) {
            throw new IllegalStateException("no ready line from the backend (got: " + line + ")");
        }
        return Integer.parseInt(m.group(1));
    }

    static void awaitLog(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no '" + text + "' in " + log);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double median(List<RunResult> results, ToDoubleFunction<RunResult> metric) {
        double[] v = results.stream().mapToDouble(metric).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
