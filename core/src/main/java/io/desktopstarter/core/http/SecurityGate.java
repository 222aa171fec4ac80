package io.desktopstarter.core.http;

import io.desktopstarter.core.http.wire.RequestHead;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The auth rules, in two steps. {@link #checkHead} runs on the bare request head, before the
 * path, query, cookies' meaning or body are parsed: Host (DNS-rebinding defence) and the session
 * token by header, cookie or the bootstrap link. {@link #checkRequest} runs once the body is read:
 * the shutdown rule, Origin and CSRF on state-changing requests.
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

    /** Why a request was let through or turned away; denials carry a reason for the log only. */
    public sealed interface Decision {
        record Allowed() implements Decision {
        }

        record Denied(String reason) implements Decision {
        }
    }

    public Decision checkHead(RequestHead head) {
        if (!hostAllowed(head.headers().first("Host").orElse(null))) {
            return new Decision.Denied("host header");
        }
        if (BOOTSTRAP_PATH.equals(head.rawPath()) && SAFE_METHODS.contains(head.method())) {
            return Tokens.matches(token, bootstrapToken(head.rawQuery()).orElse(null))
                    ? new Decision.Allowed()
                    : new Decision.Denied("bootstrap token");
        }
        boolean byHeader = Tokens.matches(token, head.headers().first(TOKEN_HEADER).orElse(null));
        boolean byCookie = Tokens.matches(token, Cookies.parse(head.headers().all("Cookie")).get(TOKEN_COOKIE));
        return byHeader || byCookie ? new Decision.Allowed() : new Decision.Denied("missing or wrong token");
    }

    public Decision checkRequest(Request request) {
        if (SAFE_METHODS.contains(request.method())) {
            return new Decision.Allowed();
        }
        if (SHUTDOWN_PATH.equals(request.path())) {
            // Only the launcher calls this, with the header a browser page cannot add cross-origin.
            return Tokens.matches(token, request.header(TOKEN_HEADER).orElse(null))
                    ? new Decision.Allowed()
                    : new Decision.Denied("shutdown needs the token header");
        }
        if (!originAllowed(request.header("Origin").orElse(null))) {
            return new Decision.Denied("cross-origin request");
        }
        String presented = request.header(CSRF_HEADER).or(() -> request.formField(CSRF_FIELD)).orElse(null);
        return Tokens.matches(csrfToken, presented)
                ? new Decision.Allowed()
                : new Decision.Denied("csrf token");
    }

    /**
     * The raw value of the one {@code token=} pair of the bootstrap query, undecoded: a token is
     * hex, so it needs no decoding, and nothing else of the query is read before the check.
     */
    static Optional<String> bootstrapToken(Optional<String> rawQuery) {
        if (rawQuery.isEmpty()) {
            return Optional.empty();
        }
        String[] pairs = rawQuery.get().split("&", FormParser.MAX_FIELDS + 2);
        if (pairs.length > FormParser.MAX_FIELDS) {
            // More pairs than any form may have: refuse rather than read a token out of the rest.
            return Optional.empty();
        }
        Optional<String> found = Optional.empty();
        for (String pair : pairs) {
            if (pair.startsWith("token=")) {
                if (found.isPresent()) {
                    return Optional.empty();
                }
                found = Optional.of(pair.substring("token=".length()));
            }
        }
        return found;
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
