package io.desktopstarter.core.web;

import io.desktopstarter.core.config.Settings;
import io.desktopstarter.core.http.Response;
import io.desktopstarter.core.http.Router;
import java.util.Map;

/** Home redirect, About and the splash page. */
public final class InfoPages {
    private final Templates templates;
    private final AboutInfo about;

    public InfoPages(Templates templates, AboutInfo about) {
        this.templates = templates;
        this.about = about;
    }

    /** What the About page shows: versions, runtime and where the app keeps its files. */
    public record AboutInfo(
            String version, String mode, String shell, String javaRuntime, String appDataDir,
            String databaseFile, String logDir, String pid, String homepage) {

        public static AboutInfo of(Settings settings, String version, String homepage) {
            return new AboutInfo(
                    version,
                    settings.mode().label(),
                    settings.shellName().orElse("none (browser or development)"),
                    System.getProperty("java.runtime.name", "Java") + " " + Runtime.version()
                            + " (" + System.getProperty("java.vendor", "unknown vendor") + ")",
                    settings.appDataDir().toString(),
                    settings.databaseFile().toString(),
                    settings.logDir().toString(),
                    Long.toString(ProcessHandle.current().pid()),
                    homepage);
        }
    }

    public void register(Router router) {
        router.get("/", r -> Response.redirect("/items/"))
                .get("/about/", r -> templates.page("about.jte", "About", "about", Map.of("about", about)))
                .get("/splash/", r -> templates.page("splash.jte", "Starting", "", Map.of()));
    }
}
