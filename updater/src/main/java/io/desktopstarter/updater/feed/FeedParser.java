package io.desktopstarter.updater.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Strict reader of {@code latest.json}: every known field is type-checked, duplicate keys are an
 * error (two parsers must never see two different feeds in one file), unknown top-level fields are
 * tolerated and unknown platform keys ignored so that newer feeds stay readable by older clients.
 */
public final class FeedParser {
    /** Feeds are small; anything larger is not a feed. */
    public static final int MAX_FEED_BYTES = 1 << 20;

    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private FeedParser() {
    }

    public static UpdateFeed parse(byte[] json) throws FeedFormatException {
        JsonNode root = readTree(json);
        int schema = integer(root, "schema");
        if (schema != 1) {
            throw new FeedFormatException("unsupported feed schema " + schema + " (this client reads schema 1)");
        }
        Instant pubDate = instant(root, "pub_date");
        Instant expires = instant(root, "expires");
        if (!expires.isAfter(pubDate)) {
            throw new FeedFormatException("'expires' must be after 'pub_date'");
        }
        Optional<SemanticVersion> minVersion = root.has("min_version")
                ? Optional.of(version(root, "min_version")) : Optional.empty();
        String notes = root.has("notes") ? text(root, "notes") : "";
        return new UpdateFeed(schema, text(root, "app"), text(root, "shell"), version(root, "version"),
                pubDate, expires, notes, minVersion, platforms(root));
    }

    static JsonNode readTree(byte[] json) throws FeedFormatException {
        if (json.length > MAX_FEED_BYTES) {
            throw new FeedFormatException("feed is " + json.length + " bytes, more than the " + MAX_FEED_BYTES + " allowed");
        }
        try {
            JsonNode root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
            if (root == null || !root.isObject()) {
                throw new FeedFormatException("not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new FeedFormatException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FeedFormatException("not valid JSON: " + e.getMessage());
        }
    }

    private static Map<PlatformKey, PlatformEntry> platforms(JsonNode root) throws FeedFormatException {
        JsonNode node = root.get("platforms");
        if (node == null || !node.isObject()) {
            throw new FeedFormatException("'platforms' must be an object");
        }
        Map<PlatformKey, PlatformEntry> platforms = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            PlatformKey key;
            try {
                key = PlatformKey.parse(field.getKey());
            } catch (IllegalArgumentException e) {
                continue;
            }
            platforms.put(key, entry(field.getKey(), field.getValue()));
        }
        return platforms;
    }

    private static PlatformEntry entry(String name, JsonNode node) throws FeedFormatException {
        if (!node.isObject()) {
            throw new FeedFormatException("platform '" + name + "' must be an object");
        }
        String where = "platforms." + name + ".";
        URI url = url(text(node, "url"), where + "url");
        String sha256 = text(node, "sha256");
        if (!sha256.matches("[0-9a-fA-F]{64}")) {
            throw new FeedFormatException(where + "sha256 must be 64 hex digits");
        }
        long size = longValue(node, "size", where + "size");
        if (size <= 0) {
            throw new FeedFormatException(where + "size must be positive");
        }
        String signature;
        try {
            signature = new String(Base64.getDecoder().decode(text(node, "signature")), StandardCharsets.UTF_8);
            MinisignSignature.parse(signature);
        } catch (IllegalArgumentException e) {
            throw new FeedFormatException(where + "signature is not base64");
        } catch (MinisignFormatException e) {
            throw new FeedFormatException(where + "signature: " + e.getMessage());
        }
        return new PlatformEntry(url, sha256.toLowerCase(Locale.ROOT), size, signature);
    }

    /** Absolute http(s) URL with a host and a plain file name; whether http is acceptable is policy, not format. */
    static URI url(String text, String where) throws FeedFormatException {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new FeedFormatException(where + " is not a URL: " + e.getReason());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new FeedFormatException(where + " must be an absolute http(s) URL with a host: " + text);
        }
        if (url.getRawUserInfo() != null) {
            throw new FeedFormatException(where + " must not carry credentials");
        }
        String path = url.getPath() == null ? "" : url.getPath();
        if (!path.substring(path.lastIndexOf('/') + 1).matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,200}")) {
            throw new FeedFormatException(where + " must end in a plain file name: " + text);
        }
        return url;
    }

    static String text(JsonNode node, String field) throws FeedFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new FeedFormatException("'" + field + "' must be a string");
        }
        if (value.asText().isBlank() && !field.equals("notes")) {
            throw new FeedFormatException("'" + field + "' must not be empty");
        }
        return value.asText();
    }

    private static SemanticVersion version(JsonNode node, String field) throws FeedFormatException {
        try {
            return SemanticVersion.parse(text(node, field));
        } catch (FeedFormatException e) {
            throw new FeedFormatException("'" + field + "': " + e.getMessage());
        }
    }

    static int integer(JsonNode node, String field) throws FeedFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw new FeedFormatException("'" + field + "' must be an integer");
        }
        return value.intValue();
    }

    private static long longValue(JsonNode node, String field, String where) throws FeedFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new FeedFormatException(where + " must be an integer");
        }
        return value.longValue();
    }

    static Instant instant(JsonNode node, String field) throws FeedFormatException {
        String value = text(node, field);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new FeedFormatException("'" + field + "' must be an ISO-8601 date-time with offset, e.g. 2026-11-23T00:00:00Z: "
                    + value);
        }
    }
}
