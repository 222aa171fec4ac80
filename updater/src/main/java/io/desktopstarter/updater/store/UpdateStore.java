package io.desktopstarter.updater.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.desktopstarter.foundation.digest.Sha256;
import io.desktopstarter.foundation.files.AtomicFiles;
import io.desktopstarter.updater.trust.AcceptedKeyList;
import io.desktopstarter.updater.trust.SignedDocument;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the updater remembers between runs, under {@code <app-data>/updates/}: the {@link TrustState}
 * in {@code trust.json}, and downloads. The state file carries a sha256 of its content so a
 * truncated or edited file is noticed; it is replaced atomically and only under a lock that every
 * app instance and CLI run on this app-data takes, so two checks at once cannot lose an update.
 * A damaged file is reported, never read as empty: an empty state would forget revocations.
 */
public final class UpdateStore {
    public static final String STATE_FILE = "trust.json";
    private static final String LOCK_FILE = ".trust.lock";
    /** Files of the single-list format this replaces (D-030); read once, removed on the first save. */
    private static final String LEGACY_DATE = "state.json";
    private static final String LEGACY_KEYS = "keys.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    /** File locks belong to the process; threads of one process queue here first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** The state as read. */
    public sealed interface Loaded {
        record Ok(TrustState state) implements Loaded {
        }

        /** The file exists but cannot be trusted; {@code reason} says why, for the log and the update dialog. */
        record Damaged(Path file, String reason) implements Loaded {
        }
    }

    /** Runs under the store's lock. */
    public interface Locked<T> {
        T run() throws IOException;
    }

    private final Path dir;

    public UpdateStore(Path appDataDir) {
        this.dir = appDataDir.resolve("updates");
    }

    public Path directory() {
        return dir;
    }

    public Path stateFile() {
        return dir.resolve(STATE_FILE);
    }

    /** Where downloads are written; created on first use. */
    public Path downloads() {
        return dir.resolve("downloads");
    }

    public Loaded load() {
        Path file = stateFile();
        try {
            if (Files.isRegularFile(file)) {
                return parse(file, Files.readAllBytes(file));
            }
            return new Loaded.Ok(legacy());
        } catch (IOException e) {
            return new Loaded.Damaged(file, "cannot be read: " + e.getMessage());
        } catch (DamagedException e) {
            return new Loaded.Damaged(e.file, e.getMessage());
        }
    }

    /** Writes the state atomically (flushed file and folder, then rename); the single-list files go. */
    public void save(TrustState state) throws IOException {
        ObjectNode body = body(state);
        ObjectNode root = JSON.createObjectNode().put("schema", 1);
        root.set("state", body);
        root.put("sha256", digest(body));
        AtomicFiles.write(stateFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), false);
        Files.deleteIfExists(dir.resolve(LEGACY_DATE));
        Files.deleteIfExists(dir.resolve(LEGACY_KEYS));
    }

    /** Moves a damaged state file aside (kept for diagnosis) once a trustworthy replacement is ready. */
    public Path setAside() throws IOException {
        Path aside = dir.resolve(STATE_FILE + ".damaged-" + Instant.now().toEpochMilli());
        return Files.move(stateFile(), aside, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs {@code action} while holding this app-data's update lock, across threads and processes. */
    public <T> T locked(Locked<T> action) throws IOException {
        ReentrantLock lock = IN_PROCESS.computeIfAbsent(dir.toAbsolutePath().normalize(), key -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                return action.run();
            }
        } finally {
            lock.unlock();
        }
    }

    private static ObjectNode body(TrustState state) {
        ObjectNode body = JSON.createObjectNode();
        state.newestFeed().ifPresent(date -> body.put("newest_feed_pub_date", date.toString()));
        ArrayNode lists = body.putArray("key_lists");
        for (AcceptedKeyList accepted : state.keyLists()) {
            lists.addObject().put("accepted_at", accepted.acceptedAt().toString())
                    .put("content", Base64.getEncoder().encodeToString(accepted.list().content()))
                    .put("signature", accepted.list().signature());
        }
        return body;
    }

    private static String digest(JsonNode body) throws JsonProcessingException {
        return Sha256.hex(JSON.writeValueAsBytes(body));
    }

    private static Loaded parse(Path file, byte[] bytes) throws DamagedException {
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new DamagedException(file, "is not valid JSON (truncated?): " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.path("schema").asInt(-1) != 1 || !root.path("state").isObject()
                || !root.path("sha256").isTextual()) {
            throw new DamagedException(file, "is not an update trust state (schema 1 with \"state\" and \"sha256\")");
        }
        JsonNode body = root.get("state");
        try {
            if (!digest(body).equals(root.get("sha256").asText())) {
                throw new DamagedException(file, "fails its integrity check: its content does not match its sha256");
            }
        } catch (JsonProcessingException e) {
            throw new DamagedException(file, "cannot be re-encoded: " + e.getOriginalMessage());
        }
        Optional<Instant> newestFeed = body.has("newest_feed_pub_date")
                ? Optional.of(instant(file, body.get("newest_feed_pub_date"))) : Optional.empty();
        if (!body.path("key_lists").isArray()) {
            throw new DamagedException(file, "has no \"key_lists\" array");
        }
        List<AcceptedKeyList> lists = new ArrayList<>();
        for (JsonNode item : body.get("key_lists")) {
            if (!item.path("content").isTextual() || !item.path("signature").isTextual()) {
                throw new DamagedException(file, "has a key list without \"content\" or \"signature\"");
            }
            lists.add(new AcceptedKeyList(new SignedDocument(base64(file, item.get("content")),
                    item.get("signature").asText()), instant(file, item.path("accepted_at"))));
        }
        return new Loaded.Ok(new TrustState(newestFeed, lists));
    }

    /**
     * The single-list files of earlier builds ({@code state.json}: the newest feed date;
     * {@code keys.json}: the one remembered list), read as a one-step chain accepted when the file
     * was written. The key list is checked again like any other before it counts.
     */
    private TrustState legacy() throws IOException, DamagedException {
        TrustState state = TrustState.EMPTY;
        Path date = dir.resolve(LEGACY_DATE);
        if (Files.isRegularFile(date)) {
            JsonNode node = tree(date).path("newest_feed_pub_date");
            if (!node.isMissingNode()) {
                state = state.withFeed(instant(date, node));
            }
        }
        Path keys = dir.resolve(LEGACY_KEYS);
        if (Files.isRegularFile(keys)) {
            JsonNode node = tree(keys);
            if (!node.path("content").isTextual() || !node.path("signature").isTextual()) {
                throw new DamagedException(keys, "has no \"content\" and \"signature\"");
            }
            state = state.withKeyList(new AcceptedKeyList(new SignedDocument(base64(keys, node.get("content")),
                    node.get("signature").asText()), Files.getLastModifiedTime(keys).toInstant()));
        }
        return state;
    }

    private static JsonNode tree(Path file) throws IOException, DamagedException {
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new DamagedException(file, "is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new DamagedException(file, "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Instant instant(Path file, JsonNode node) throws DamagedException {
        try {
            if (node.isTextual()) {
                return Instant.parse(node.asText());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new DamagedException(file, "has a date that is not an ISO-8601 instant: " + node);
    }

    private static byte[] base64(Path file, JsonNode node) throws DamagedException {
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new DamagedException(file, "has a key list that is not base64");
        }
    }

    private static final class DamagedException extends Exception {
        private final transient Path file;

        DamagedException(Path file, String message) {
            super(message);
            this.file = file;
        }
    }
}
