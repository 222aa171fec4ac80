package io.desktopstarter.distribution.release;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** {@code latest.json} exactly as DESIGN.md "Update feed" (and the updater's parser) expect it. */
public final class FeedWriter {
    /** Each shell has its own feed, at its own stable URL: {@code latest-<shell>.json}. */
    public static String fileName(String shell) {
        return "latest-" + shell + ".json";
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private FeedWriter() {
    }

    /**
     * @param signatures artifact file name → its {@code .minisig} content
     */
    public static byte[] feed(String app, String shell, String version, Instant pubDate, Duration validity, String notes, String minVersion,
            String baseUrl, Iterable<Artifact> artifacts, Map<String, String> signatures) throws java.io.IOException {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("schema", 1).put("app", app).put("shell", shell).put("version", version)
                .put("pub_date", pubDate.toString()).put("expires", pubDate.plus(validity).toString()).put("notes", notes);
        if (minVersion != null && !minVersion.isBlank()) {
            feed.put("min_version", minVersion);
        }
        ObjectNode platforms = feed.putObject("platforms");
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        for (Artifact a : artifacts) {
            if (a.platform().isEmpty()) {
                continue;
            }
            platforms.putObject(a.platform().get()).put("url", base + a.name()).put("sha256", a.sha256()).put("size", a.size())
                    .put("signature", Base64.getEncoder().encodeToString(signatures.get(a.name()).getBytes(StandardCharsets.UTF_8)));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(feed);
    }
}
