package io.desktopstarter.core.http;

import io.desktopstarter.core.http.wire.HeaderFields;
import java.util.List;

/** Headers sent on every response, pages, errors and the server's own refusals alike. */
public final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";

    public static final List<HeaderFields.Field> ALL = List.of(
            new HeaderFields.Field("Content-Security-Policy", CSP),
            new HeaderFields.Field("X-Frame-Options", "DENY"),
            new HeaderFields.Field("X-Content-Type-Options", "nosniff"),
            // same-origin, not no-referrer: the referrer still never leaves the app, and WebKit (the JavaFX shell)
            // then sends the page's real Origin on its form posts instead of "null", which the gate refuses (D-053).
            new HeaderFields.Field("Referrer-Policy", "same-origin"),
            new HeaderFields.Field("Cross-Origin-Opener-Policy", "same-origin"),
            new HeaderFields.Field("Cross-Origin-Resource-Policy", "same-origin"),
            new HeaderFields.Field("Permissions-Policy", "camera=(), microphone=(), geolocation=()"));

    private SecurityHeaders() {
    }
}
