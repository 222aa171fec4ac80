package io.desktopstarter.contract;

import java.util.Map;
import java.util.Optional;

/**
 * The backend's first stdout line, {@code {"event":"ready","port":<int>,"pid":<int>,"version":"…"}}
 * (DESIGN.md "Interfaces other programs rely on"): written by the backend, read by the launcher
 * and the staging-time AOT training. A ready line is one flat JSON object; white space between its
 * parts is allowed and members beyond these four are ignored, so a backend may say more.
 */
public final class ReadyLine {
    private static final String EVENT = "ready";

    /** What a ready line says: the port the backend listens on, its process id and version. */
    public record Ready(int port, long pid, String version) {
        public Ready {
            if (port < 1 || port > 65535 || pid < 1 || version == null) {
                throw new IllegalArgumentException("not a ready event: port " + port + ", pid " + pid + ", version " + version);
            }
        }

        /** The line itself, the version JSON-escaped. */
        public String line() {
            return "{\"event\":\"" + EVENT + "\",\"port\":" + port + ",\"pid\":" + pid + ",\"version\":"
                    + FlatJson.quote(version) + "}";
        }
    }

    private ReadyLine() {
    }

    public static String format(int port, long pid, String version) {
        return new Ready(port, pid, version).line();
    }

    /** The ready event a line holds; empty for anything else, a ready event with a missing or wrong member included. */
    public static Optional<Ready> parse(String line) {
        Optional<Map<String, Object>> object = FlatJson.parse(line);
        if (object.isEmpty() || !EVENT.equals(object.get().get("event"))) {
            return Optional.empty();
        }
        Map<String, Object> members = object.get();
        if (members.get("port") instanceof Long port && port >= 1 && port <= 65535
                && members.get("pid") instanceof Long pid && pid >= 1
                && members.get("version") instanceof String version) {
            return Optional.of(new Ready(port.intValue(), pid, version));
        }
        return Optional.empty();
    }

    /**
     * Whether a line announces the ready event ({@code "event":"ready"} in a flat JSON object),
     * valid or not: a launcher reports a broken one at once instead of waiting for another.
     */
    public static boolean announcesReady(String line) {
        return FlatJson.parse(line).map(object -> EVENT.equals(object.get("event"))).orElse(false);
    }
}
