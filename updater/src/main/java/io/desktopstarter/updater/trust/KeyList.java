package io.desktopstarter.updater.trust;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignPublicKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code keys.json}: the release keys a publisher vouches for, signed ({@code keys.json.minisig})
 * by a key the app already trusts. Format (schema 1):
 * <pre>{ "schema": 1, "app": "desktop-java-starter", "pub_date": "2026-11-23T00:00:00Z",
 *   "keys": [ { "public_key": "RWQ…", "expires": "2027-11-23T00:00:00Z", "revoked": false } ] }</pre>
 * {@code expires} is optional; {@code revoked} defaults to false.
 */
public record KeyList(String app, Instant pubDate, List<ListedKey> keys) {
    /** One key in the list. */
    public record ListedKey(MinisignPublicKey key, Optional<Instant> expires, boolean revoked) {
    }

    /** Built once (a mapper is costly to make); duplicate keys are an error, as in the feed. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    public KeyList {
        keys = List.copyOf(keys);
    }

    public static KeyList parse(byte[] json) throws MinisignFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new MinisignFormatException("keys.json is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("schema").isInt() || root.get("schema").intValue() != 1) {
            throw new MinisignFormatException("keys.json must be an object with \"schema\": 1");
        }
        if (!root.path("app").isTextual() || !root.path("keys").isArray() || root.get("keys").isEmpty()) {
            throw new MinisignFormatException("keys.json needs \"app\" and a non-empty \"keys\" array");
        }
        List<ListedKey> keys = new ArrayList<>();
        for (JsonNode item : root.get("keys")) {
            if (!item.path("public_key").isTextual()) {
                throw new MinisignFormatException("every key in keys.json needs a \"public_key\" string");
            }
            JsonNode revoked = item.path("revoked");
            if (!revoked.isMissingNode() && !revoked.isBoolean()) {
                throw new MinisignFormatException("\"revoked\" must be true or false");
            }
            Optional<Instant> expires = item.has("expires") ? Optional.of(instant(item.get("expires"), "expires"))
                    : Optional.empty();
            keys.add(new ListedKey(MinisignPublicKey.parse(item.get("public_key").asText()), expires, revoked.asBoolean(false)));
        }
        return new KeyList(root.get("app").asText(), instant(root.path("pub_date"), "pub_date"), keys);
    }

    private static Instant instant(JsonNode node, String field) throws MinisignFormatException {
        try {
            if (!node.isTextual()) {
                throw new DateTimeParseException("not a string", "", 0);
            }
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MinisignFormatException("keys.json \"" + field + "\" must be an ISO-8601 date-time, e.g. 2026-11-23T00:00:00Z");
        }
    }
}
