package io.desktopstarter.core.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Decides whether a {@code next} value is a same-site relative path. Anything that a browser
 * could read as another origin is refused: absolute URLs, scheme-relative {@code //host},
 * backslashes (browsers treat {@code /\host} like {@code //host}), control characters, anything
 * beyond printable ASCII (fullwidth {@code ／} folds to {@code /} in browsers, and a Location header
 * cannot carry it), and the same tricks hidden behind percent-encoding.
 */
public final class SafeRedirect {
    private static final int MAX_DECODE_ROUNDS = 4;
    private static final int MAX_LENGTH = 2048;

    private SafeRedirect() {
    }

    public static Optional<String> check(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || !next.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.empty();
        }
        String current = next;
        for (int round = 0; round < MAX_DECODE_ROUNDS; round++) {
            if (!looksLocal(current)) {
                return Optional.empty();
            }
            Optional<String> decoding = PercentDecoder.decode(current.replace("+", "%2B"));
            if (decoding.isEmpty()) {
                return Optional.empty();
            }
            String decoded = decoding.get();
            if (decoded.equals(current)) {
                return isPlainPath(next) ? Optional.of(next) : Optional.empty();
            }
            current = decoded;
        }
        return Optional.empty();
    }

    private static boolean looksLocal(String value) {
        if (!value.startsWith("/") || value.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainPath(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath().startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
