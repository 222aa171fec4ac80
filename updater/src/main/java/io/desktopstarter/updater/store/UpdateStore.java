package io.desktopstarter.updater.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.desktopstarter.updater.trust.SignedDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * What the updater remembers between runs, under {@code <app-data>/updates/}: the publication date
 * of the newest feed accepted (so an older, replayed feed is refused) and the newest signed key
 * list (so a revocation cannot be undone by serving an older list). Files are replaced atomically;
 * a damaged state file is treated as empty rather than blocking updates forever.
 */
public final class UpdateStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    public UpdateStore(Path appDataDir) {
        this.dir = appDataDir.resolve("updates");
    }

    public Path directory() {
        return dir;
    }

    /** Where downloads are written; created on first use. */
    public Path downloads() {
        return dir.resolve("downloads");
    }

    public Optional<Instant> newestFeed() {
        Path file = dir.resolve("state.json");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)).path("newest_feed_pub_date");
            return node.isTextual() ? Optional.of(Instant.parse(node.asText())) : Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Records an accepted feed's date; never moves the date backwards. */
    public void recordFeed(Instant pubDate) throws IOException {
        Optional<Instant> current = newestFeed();
        if (current.isPresent() && !pubDate.isAfter(current.get())) {
            return;
        }
        ObjectNode state = JSON.createObjectNode().put("newest_feed_pub_date", pubDate.toString());
        AtomicFiles.write(dir.resolve("state.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state), false);
    }

    /** The last key list accepted, with its signature, if any. */
    public Optional<SignedDocument> keyList() {
        Path file = dir.resolve("keys.json");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!node.path("content").isTextual() || !node.path("signature").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new SignedDocument(Base64.getDecoder().decode(node.get("content").asText()),
                    node.get("signature").asText()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Saves list and signature in one file, so a crash can never pair a list with another list's signature. */
    public void saveKeyList(SignedDocument list) throws IOException {
        ObjectNode node = JSON.createObjectNode()
                .put("content", Base64.getEncoder().encodeToString(list.content()))
                .put("signature", list.signature());
        AtomicFiles.write(dir.resolve("keys.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node), false);
    }
}
