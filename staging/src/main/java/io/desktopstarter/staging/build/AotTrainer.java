package io.desktopstarter.staging.build;

import io.desktopstarter.contract.LaunchEnvironment;
import io.desktopstarter.contract.ReadyLine;
import io.desktopstarter.contract.SessionToken;
import io.desktopstarter.foundation.files.Trees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the AOT cache (JDK 25, {@code -XX:AOTCacheOutput}) by running the staged backend
 * through a scripted session that touches every page, form and endpoint, then stopping it the
 * way the launcher does; the JVM writes the cache when it exits. Training runs on a database
 * that already exists, like every launch but the first: the cache is preloaded at each start,
 * and classes only a first run needs (Flyway, Jackson) would make every start slower.
 */
final class AotTrainer {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([0-9a-f]+)\"");
    private static final Pattern EDIT = Pattern.compile("href=\"/items/(\\d+)/edit/\"");

    private AotTrainer() {
    }

    static void train(Path stageRoot, List<String> backendCommand, Path cacheFile, Consumer<String> progress)
            throws StageException, IOException {
        Path appData;
        try {
            appData = Files.createTempDirectory("aot-training-");
        } catch (IOException e) {
            throw new StageException("Cannot create a temporary app-data directory for AOT training", e);
        }
        try {
            runSession(stageRoot, backendCommand, appData, null);
            progress.accept("AOT training: first run done (database created); recording the cache on a second run");
            runSession(stageRoot, backendCommand, appData, cacheFile);
            if (!Files.isRegularFile(cacheFile) || Files.size(cacheFile) == 0) {
                throw new StageException("The JVM did not write the AOT cache " + cacheFile);
            }
        } catch (IOException e) {
            throw new StageException("AOT training failed: " + e.getMessage(), e);
        } finally {
            Trees.delete(appData);
        }
    }

    private static void runSession(Path stageRoot, List<String> backendCommand, Path appData, Path cacheFile)
            throws StageException, IOException {
        List<String> command = new ArrayList<>(backendCommand);
        if (cacheFile != null) {
            command.add(1, "-XX:AOTCacheOutput=" + stageRoot.relativize(cacheFile).toString().replace('\\', '/'));
        }
        String token = SessionToken.generate();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(stageRoot.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put(LaunchEnvironment.TOKEN, token);
        builder.environment().put(LaunchEnvironment.APP_DATA_DIR, appData.toString());
        builder.environment().put(LaunchEnvironment.MODE, LaunchEnvironment.PACKAGED);
        Process process = null;
        try {
            process = builder.start();
            new Session(readPort(process), token).run();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                throw new StageException("AOT training run did not exit after /desktop/shutdown");
            }
            if (process.exitValue() != 0) {
                throw new StageException("AOT training run exited with code " + process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StageException("AOT training interrupted", e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    /** The requests a user makes in a first session; each response is read so its code paths run. */
    private record Session(int port, String token) {
        void run() throws IOException {
            String list = get("/items/");
            Matcher csrfMatch = CSRF.matcher(list);
            if (!csrfMatch.find()) {
                throw new IOException("no CSRF token on /items/");
            }
            String csrf = csrfMatch.group(1);
            for (String path : List.of("/health/", "/items/new/", "/tasks/", "/tasks/status/", "/about/", "/splash/",
                    "/static/app.css", "/static/app.js", "/static/pony.svg", "/no-such-page/",
                    "/desktop-auth/bootstrap/?token=" + token + "&next=/items/")) {
                get(path);
            }
            post("/items/new/", "csrf_token=" + csrf + "&name=Training+Pony&status=GALLOPING&notes=AOT");
            post("/items/new/", "csrf_token=" + csrf + "&name=&status=GRAZING&notes=");
            Matcher edit = EDIT.matcher(get("/items/"));
            while (edit.find()) {
                String id = edit.group(1);
                get("/items/" + id + "/edit/");
                get("/items/" + id + "/delete/");
            }
            post("/tasks/", "csrf_token=" + csrf);
            get("/tasks/status/");
            post("/desktop/shutdown", "");
        }

        String get(String path) throws IOException {
            return exchange("GET", path, null);
        }

        String post(String path, String form) throws IOException {
            return exchange("POST", path, form);
        }

        private String exchange(String method, String path, String form) throws IOException {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(5000);
            c.setReadTimeout(15000);
            c.setRequestMethod(method);
            c.setRequestProperty("X-Desktop-Token", token);
            if (form != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(form.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            if (status >= 500) {
                throw new IOException(method + " " + path + " answered " + status);
            }
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static int readPort(Process process) throws IOException, StageException {
        BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
        for (String line; (line = out.readLine()) != null; ) {
            Optional<ReadyLine.Ready> ready = ReadyLine.parse(line);
            if (ready.isPresent()) {
                return ready.get().port();
            }
        }
        throw new StageException("AOT training: the backend exited without a ready line");
    }
}
