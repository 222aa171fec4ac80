package io.desktopstarter.core.http;

import java.util.Locale;
import java.util.Set;

/**
 * The auth rules every request passes before routing: Host check (DNS-rebinding defence),
 * session token by header or cookie, CSRF on state-changing requests.
 */
public final class SecurityGate {
    public static final String TOKEN_HEADER = "X-Desktop-Token";
    public static final String TOKEN_COOKIE = "desktop_auth_token";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrf_token";
    public static final String BOOTSTRAP_PATH = "/desktop-auth/bootstrap/";
    public static final String SHUTDOWN_PATH = "/desktop/shutdown";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final String token;
    private final String csrfToken;
    private final int port;

    public SecurityGate(String token, String csrfToken, int port) {
        this.token = token;
        this.csrfToken = csrfToken;
        this.port = port;
    }

    /** Why a request was let through or turned away; denials carry a reason for the debug log only. */
    public sealed interface Decision {
        record Allowed() implements Decision {
        }

        record Denied(String reason) implements Decision {
        }
    }

    public Decision check(Request request) {
        if (!hostAllowed(request.header("Host").orElse(null))) {
            return new Decision.Denied("host header");
        }
        String path = request.path();
        if (BOOTSTRAP_PATH.equals(path) && SAFE_METHODS.contains(request.method())) {
            return Tokens.matches(token, request.queryParam("token").orElse(null))
                    ? new Decision.Allowed()
                    : new Decision.Denied("bootstrap token");
        }
        boolean byHeader = Tokens.matches(token, request.header(TOKEN_HEADER).orElse(null));
        boolean byCookie = Tokens.matches(token, request.cookie(TOKEN_COOKIE).orElse(null));
        if (!byHeader && !byCookie) {
            return new Decision.Denied("missing or wrong token");
        }
        if (SAFE_METHODS.contains(request.method())) {
            return new Decision.Allowed();
        }
        if (SHUTDOWN_PATH.equals(path)) {
            // Only the launcher calls this, with the header a browser page cannot add cross-origin.
            return byHeader ? new Decision.Allowed() : new Decision.Denied("shutdown needs the token header");
        }
        if (!originAllowed(request.header("Origin").orElse(null))) {
            return new Decision.Denied("cross-origin request");
        }
        String presented = request.header(CSRF_HEADER).or(() -> request.formField(CSRF_FIELD)).orElse(null);
        return Tokens.matches(csrfToken, presented)
                ? new Decision.Allowed()
                : new Decision.Denied("csrf token");
    }

    boolean hostAllowed(String host) {
        if (host == null) {
            return false;
        }
        String normalized = host.trim().toLowerCase(Locale.ROOT);
        return normalized.equals("127.0.0.1:" + port) || normalized.equals("localhost:" + port);
    }

    private boolean originAllowed(String origin) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        return normalized.equals("http://127.0.0.1:" + port) || normalized.equals("http://localhost:" + port);
    }
}
