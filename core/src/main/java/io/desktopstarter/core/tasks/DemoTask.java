package io.desktopstarter.core.tasks;

import java.time.Instant;
import java.util.Optional;

/** One row of the tasks demo. */
public record DemoTask(
        long id,
        TaskState state,
        String message,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt) {

    /** JSON for the status poll; written by hand to keep the hot path free of reflection. */
    public String toJson() {
        return "{\"id\":" + id + ",\"state\":\"" + state + "\",\"message\":\"" + escape(message) + "\""
                + ",\"createdAt\":\"" + createdAt + "\""
                + ",\"startedAt\":" + startedAt.map(i -> "\"" + i + "\"").orElse("null")
                + ",\"finishedAt\":" + finishedAt.map(i -> "\"" + i + "\"").orElse("null") + "}";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
