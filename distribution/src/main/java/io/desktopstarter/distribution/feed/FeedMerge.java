package io.desktopstarter.distribution.feed;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.desktopstarter.foundation.digest.Sha256;
import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.MinisignVerifier;
import io.desktopstarter.minisign.Verification;
import io.desktopstarter.updater.feed.FeedFormatException;
import io.desktopstarter.updater.feed.FeedParser;
import io.desktopstarter.updater.feed.PlatformEntry;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.UpdateFeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shell's release feed from the feeds each OS job built: the same app, shell, version, notes
 * and stepping stone in every part, no platform twice, and every entry's artifact present with the
 * announced size, sha256 and a signature the app's built-in key verifies. The result is signed once
 * by the caller; nothing is published from a part that fails.
 */
public final class FeedMerge {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<MinisignPublicKey> releaseKeys;

    /** @param releaseKeys the keys the app has built in: every artifact signature must verify with one */
    public FeedMerge(List<MinisignPublicKey> releaseKeys) {
        if (releaseKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one release public key is needed to check the artifacts");
        }
        this.releaseKeys = List.copyOf(releaseKeys);
    }

    /** The merged {@code latest.json} bytes; artifacts are looked up by file name in {@code artifacts}. */
    public byte[] merge(List<Path> parts, Path artifacts) throws FeedMergeException, IOException {
        if (parts.isEmpty()) {
            throw new FeedMergeException("no feed parts to merge");
        }
        List<UpdateFeed> feeds = new ArrayList<>();
        for (Path part : parts) {
            feeds.add(parse(part));
        }
        UpdateFeed first = feeds.getFirst();
        Map<PlatformKey, PlatformEntry> platforms = new LinkedHashMap<>();
        for (int i = 0; i < feeds.size(); i++) {
            UpdateFeed feed = feeds.get(i);
            Path part = parts.get(i);
            same(part, "app", first.app(), feed.app());
            same(part, "shell", first.shell(), feed.shell());
            same(part, "version", first.version().toString(), feed.version().toString());
            same(part, "notes", first.notes(), feed.notes());
            same(part, "min_version", first.minVersion().map(Object::toString).orElse("none"),
                    feed.minVersion().map(Object::toString).orElse("none"));
            for (Map.Entry<PlatformKey, PlatformEntry> entry : feed.platforms().entrySet()) {
                if (platforms.containsKey(entry.getKey())) {
                    throw new FeedMergeException(entry.getKey() + " is listed twice (again in " + part + ")");
                }
                check(entry.getKey(), entry.getValue(), artifacts);
                platforms.put(entry.getKey(), entry.getValue());
            }
        }
        Instant pubDate = feeds.stream().map(UpdateFeed::pubDate).max(Comparator.naturalOrder()).orElseThrow();
        Instant expires = feeds.stream().map(UpdateFeed::expires).min(Comparator.naturalOrder()).orElseThrow();
        return write(first, pubDate, expires, platforms);
    }

    private static UpdateFeed parse(Path part) throws FeedMergeException, IOException {
        try {
            return FeedParser.parse(Files.readAllBytes(part));
        } catch (FeedFormatException e) {
            throw new FeedMergeException(part + " is not a valid feed: " + e.getMessage());
        }
    }

    private static void same(Path part, String field, String expected, String actual) throws FeedMergeException {
        if (!expected.equals(actual)) {
            throw new FeedMergeException(part + " has " + field + " '" + actual + "' where the other parts have '" + expected
                    + "'; one feed describes one release of one shell");
        }
    }

    private void check(PlatformKey key, PlatformEntry entry, Path artifacts) throws FeedMergeException, IOException {
        Path file = artifacts.resolve(entry.fileName());
        if (!Files.isRegularFile(file)) {
            throw new FeedMergeException(key + ": " + entry.fileName() + " is not among the release files in " + artifacts);
        }
        if (Files.size(file) != entry.size()) {
            throw new FeedMergeException(key + ": " + entry.fileName() + " is " + Files.size(file) + " bytes, the feed says "
                    + entry.size());
        }
        String sha256 = Sha256.hex(file);
        if (!sha256.equals(entry.sha256())) {
            throw new FeedMergeException(key + ": " + entry.fileName() + " has sha256 " + sha256 + ", the feed says "
                    + entry.sha256());
        }
        MinisignSignature signature;
        try {
            signature = MinisignSignature.parse(entry.signature());
        } catch (MinisignFormatException e) {
            throw new FeedMergeException(key + ": the signature in the feed is not a minisign signature: " + e.getMessage());
        }
        Optional<MinisignPublicKey> signer = releaseKeys.stream()
                .filter(k -> java.util.Arrays.equals(k.keyId(), signature.keyId())).findFirst();
        if (signer.isEmpty()) {
            throw new FeedMergeException(key + ": " + entry.fileName() + " is signed by key " + MinisignPublicKey.keyIdHex(signature.keyId())
                    + ", not by a release key the app has built in");
        }
        if (!(MinisignVerifier.verify(signer.get(), signature, file) instanceof Verification.Valid)) {
            throw new FeedMergeException(key + ": the signature of " + entry.fileName() + " does not verify");
        }
    }

    private static byte[] write(UpdateFeed feed, Instant pubDate, Instant expires, Map<PlatformKey, PlatformEntry> platforms)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", 1).put("app", feed.app()).put("shell", feed.shell()).put("version", feed.version().toString())
                .put("pub_date", pubDate.toString()).put("expires", expires.toString()).put("notes", feed.notes());
        feed.minVersion().ifPresent(min -> root.put("min_version", min.toString()));
        ObjectNode out = root.putObject("platforms");
        // Sorted, so the published feed is the same bytes whatever order the OS jobs finished in.
        List<Map.Entry<PlatformKey, PlatformEntry>> sorted = new ArrayList<>(platforms.entrySet());
        sorted.sort(Comparator.comparing(e -> e.getKey().toString()));
        for (Map.Entry<PlatformKey, PlatformEntry> e : sorted) {
            PlatformEntry entry = e.getValue();
            out.putObject(e.getKey().toString()).put("url", entry.url().toString()).put("sha256", entry.sha256())
                    .put("size", entry.size()).put("signature",
                            Base64.getEncoder().encodeToString(entry.signature().getBytes(StandardCharsets.UTF_8)));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }
}
