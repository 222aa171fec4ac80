package io.desktopstarter.signing.preflight;

/** One preflight result line. */
public record Finding(Level level, String message) {
    /** FAIL makes preflight exit 1; WARN and INFO are reported only. */
    public enum Level { INFO, WARN, FAIL }

    public String line() {
        return level + ": " + message;
    }
}
