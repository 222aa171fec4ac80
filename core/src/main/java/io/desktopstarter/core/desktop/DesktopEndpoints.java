package io.desktopstarter.core.desktop;

import io.desktopstarter.core.http.Request;
import io.desktopstarter.core.http.Response;
import io.desktopstarter.core.http.Router;
import io.desktopstarter.core.http.SafeRedirect;
import io.desktopstarter.core.http.SecurityGate;
import java.util.function.BooleanSupplier;

/** The endpoints the shells and the launcher use: health, cookie bootstrap and shutdown. */
public final class DesktopEndpoints {
    private final String token;
    private final String version;
    private final BooleanSupplier databaseHealthy;
    private final Runnable shutdownRequested;

    public DesktopEndpoints(String token, String version, BooleanSupplier databaseHealthy, Runnable shutdownRequested) {
        this.token = token;
        this.version = version;
        this.databaseHealthy = databaseHealthy;
        this.shutdownRequested = shutdownRequested;
    }

    public void register(Router router) {
        router.get("/health/", r -> databaseHealthy.getAsBoolean()
                        ? Response.json(200, "{\"status\":\"ok\",\"version\":\"" + version + "\"}")
                        : Response.json(503, "{\"status\":\"database unavailable\"}"))
                .get(SecurityGate.BOOTSTRAP_PATH, this::bootstrap)
                .post(SecurityGate.SHUTDOWN_PATH, r -> {
                    shutdownRequested.run();
                    return Response.json(202, "{\"status\":\"stopping\"}");
                });
    }

    /** The gate already checked the query token; set the cookie and go to a safe local page. */
    private Response bootstrap(Request request) {
        String next = request.queryParam("next").flatMap(SafeRedirect::check).orElse("/");
        return Response.redirect(next)
                .withHeader("Set-Cookie", SecurityGate.TOKEN_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
    }
}
