package io.desktopstarter.updater.settings;

import io.desktopstarter.updater.feed.SemanticVersion;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where updates come from for this app, decided once at start from three sources, weakest first:
 * the feed built into the app, the administrator's policy (a mirror, a CA), the user's
 * {@value #ENVIRONMENT} variable. An administrator's "off" and an invalid policy file win over
 * everything; a development (SNAPSHOT) build or one without release keys has updates off.
 *
 * @param feed the feed location (URL or local path) when updates are on
 * @param off why updates are off, when they are
 * @param extraCa a CA to trust besides the operating system's, from the administrator's policy
 * @param origin where the feed or the "off" came from, for the log and the About box
 */
public record UpdateSettings(Optional<String> feed, Optional<String> off, Optional<Path> extraCa, String origin) {
    public static final String ENVIRONMENT = "DESKTOP_STARTER_UPDATE_FEED";

    /** What the app knows about itself. */
    public record App(String shell, SemanticVersion installed, boolean hasReleaseKeys, Optional<String> builtInFeed) {
    }

    public static UpdateSettings resolve(App app, AdminPolicy.Read admin, Map<String, String> environment) {
        switch (admin) {
            case AdminPolicy.Read.Invalid(Path file, String reason) -> {
                return off("the administrator's update policy " + file + " " + reason + ", so updates stay off until it is "
                        + "fixed", "administrator policy " + file);
            }
            case AdminPolicy.Read.Found(AdminPolicy policy) when policy.updatesOff() -> {
                return off("your administrator turned updates off (" + policy.file() + ")", "administrator policy "
                        + policy.file());
            }
            default -> {
            }
        }
        if (!app.hasReleaseKeys()) {
            return off("this build has no release public key, so no update could be trusted", "build");
        }
        Optional<String> user = Optional.ofNullable(environment.get(ENVIRONMENT)).map(String::strip).filter(v -> !v.isEmpty());
        Optional<AdminPolicy> policy = admin instanceof AdminPolicy.Read.Found(AdminPolicy found) ? Optional.of(found)
                : Optional.empty();
        Optional<Path> ca = policy.flatMap(AdminPolicy::caFile);
        if (user.isPresent()) {
            return new UpdateSettings(user, Optional.empty(), ca, ENVIRONMENT);
        }
        if (app.installed().preRelease().contains("SNAPSHOT")) {
            return off("this is a development build (" + app.installed() + "); set " + ENVIRONMENT + " to test updates",
                    "build");
        }
        Optional<String> mirror = policy.flatMap(p -> p.feedFor(app.shell()));
        if (mirror.isPresent()) {
            return new UpdateSettings(mirror, Optional.empty(), ca, "administrator policy " + policy.get().file());
        }
        if (app.builtInFeed().isPresent()) {
            return new UpdateSettings(app.builtInFeed(), Optional.empty(), ca, "built into the app");
        }
        return off("this build has no update feed (build it with -Drelease.feedUrl=…, or set " + ENVIRONMENT + ")", "build");
    }

    private static UpdateSettings off(String reason, String origin) {
        return new UpdateSettings(Optional.empty(), Optional.of(reason), Optional.empty(), origin);
    }

    /** One line for the log: where updates come from, or why they are off. */
    public String describe() {
        return off.map(reason -> "Updates are off: " + reason)
                .orElseGet(() -> "Updates from " + feed.orElseThrow() + " (" + origin + ")"
                        + extraCa.map(ca -> ", also trusting the CA in " + ca).orElse(""));
    }
}
