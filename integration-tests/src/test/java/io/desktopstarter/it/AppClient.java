package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.staging.launch.BackendLauncher;
import io.desktopstarter.staging.launch.BackendSession;
import io.desktopstarter.staging.launch.BackendSource;
import io.desktopstarter.staging.launch.LaunchOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The installed app's own staged backend and task worker, started by the launcher library the shells use (with a
 * session token this test knows), and spoken to over HTTP as the app's pages do.
 */
final class AppClient implements AutoCloseable {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([0-9a-f]+)\"");
    private final BackendLauncher launcher;
    private final BackendSession session;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AppClient(BackendLauncher launcher, BackendSession session) {
        this.launcher = launcher;
        this.session = session;
    }

    /** Starts the backend of the version {@code current} points at, on the user's app data. */
    static AppClient start(User user) throws Exception {
        BackendLauncher launcher = new BackendLauncher(BackendSource.staged(user.install.resolve("current/lib/staged-backend")),
                LaunchOptions.defaults().withAppDataDir(user.appData()).withShellName(Releases.SHELL)
                        .withStartTimeout(Duration.ofSeconds(60)), event -> { });
        return new AppClient(launcher, launcher.start());
    }

    String get(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + "\n" + response.body()).isEqualTo(200);
        return response.body();
    }

    /** A form post with the page's CSRF token, as the page's own form sends it; returns the status. */
    int postForm(String path, Map<String, String> fields) throws Exception {
        Matcher csrf = CSRF.matcher(get("/items/new/"));
        assertThat(csrf.find()).isTrue();
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&", "csrf_token=" + csrf.group(1) + "&", ""));
        HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    /** Starts a demo task the way the tasks page's button does (JSON); returns its id. */
    long startTask() throws Exception {
        Matcher csrf = CSRF.matcher(get("/tasks/"));
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> response = http.send(request("/tasks/").header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf_token=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** The state of one task from the page's status poll ({@code DONE}, {@code FAILED}, ...). */
    String taskState(long id) throws Exception {
        Matcher m = Pattern.compile("\\{\"id\":" + id + ",\"state\":\"(\\w+)\",\"message\":\"([^\"]*)\"").matcher(get("/tasks/status/"));
        return m.find() ? m.group(1) + " " + m.group(2) : "missing";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(session.origin() + path)).timeout(Duration.ofSeconds(20))
                .header("X-Desktop-Token", session.token()).header("Origin", session.origin());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        launcher.close();
    }

}
