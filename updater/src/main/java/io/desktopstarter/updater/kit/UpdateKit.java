package io.desktopstarter.updater.kit;

import io.desktopstarter.foundation.digest.Sha256;
import io.desktopstarter.updater.feed.FeedFormatException;
import io.desktopstarter.updater.feed.FeedParser;
import io.desktopstarter.updater.feed.PlatformEntry;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.UpdateFeed;
import io.desktopstarter.updater.flow.UpdateCheck;
import io.desktopstarter.updater.policy.ArtifactCheck;
import io.desktopstarter.updater.policy.FeedPolicy;
import io.desktopstarter.updater.policy.Rejection;
import io.desktopstarter.updater.policy.RejectionCode;
import io.desktopstarter.updater.policy.UpdateDecision;
import io.desktopstarter.updater.trust.SignedDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An air-gapped update kit: a directory (e.g. on a USB stick) holding {@code latest.json},
 * {@code latest.json.minisig}, optionally {@code keys.json} + {@code keys.json.minisig}, and the
 * artifacts named as the last segment of their feed URLs. Verified with exactly the checks of the
 * connected updater.
 */
public final class UpdateKit {
    public static final String FEED = "latest.json";
    public static final String FEED_SIGNATURE = "latest.json.minisig";
    public static final String KEYS = "keys.json";
    public static final String KEYS_SIGNATURE = "keys.json.minisig";

    /** The outcome of checking a kit. */
    public sealed interface Verdict {
        record Accepted(String version, PlatformKey platform, Path artifact) implements Verdict {
        }

        record Rejected(Rejection rejection) implements Verdict {
        }
    }

    private UpdateKit() {
    }

    /**
     * The kit directory the user meant: {@code dir} itself, or its only subdirectory when that holds the
     * feed (the kit tar unpacks into one folder, and people pick the folder they unpacked it into).
     */
    public static Path locate(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(FEED))) {
            return dir;
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.toList();
        }
        if (children.size() == 1 && Files.isRegularFile(children.getFirst().resolve(FEED))) {
            return children.getFirst();
        }
        throw new IOException(dir + " is not an update kit: it has no " + FEED);
    }

    /** A feed file, its {@code <name>.minisig}, and {@code keys.json} (+ signature) beside it when present. */
    public static UpdateCheck.Documents readFeedFile(Path feed) throws IOException {
        Path dir = feed.toAbsolutePath().getParent();
        Optional<String> signature = readOptional(feed.resolveSibling(feed.getFileName() + ".minisig"));
        Optional<SignedDocument> keys = Files.isRegularFile(dir.resolve(KEYS))
                ? Optional.of(new SignedDocument(Files.readAllBytes(dir.resolve(KEYS)),
                        readOptional(dir.resolve(KEYS_SIGNATURE)).orElse("")))
                : Optional.empty();
        return new UpdateCheck.Documents(Files.readAllBytes(feed), signature, keys);
    }

    public static Verdict verify(Path kitDir, UpdateCheck check, FeedPolicy.Installation installation, Clock clock)
            throws IOException {
        Path dir = locate(kitDir);
        UpdateCheck.Result result = check.check(readFeedFile(dir.resolve(FEED)), installation);
        return switch (result.decision()) {
            case UpdateDecision.Rejected(Rejection rejection) -> new Verdict.Rejected(rejection);
            case UpdateDecision.UpToDate(UpdateFeed feed) -> new Verdict.Rejected(new Rejection(RejectionCode.NOT_NEWER,
                    "version " + feed.version() + " is already installed"));
            case UpdateDecision.Available available -> {
                Path artifact = dir.resolve(available.entry().fileName());
                if (!Files.isRegularFile(artifact)) {
                    yield new Verdict.Rejected(new Rejection(RejectionCode.MALFORMED, "the kit has no "
                            + available.entry().fileName() + " for " + available.platform()));
                }
                Optional<Rejection> problem = new ArtifactCheck(result.ring()).check(artifact, available.entry(), clock.instant());
                if (problem.isPresent()) {
                    yield new Verdict.Rejected(problem.get());
                }
                yield new Verdict.Accepted(available.feed().version().toString(), available.platform(), artifact);
            }
        };
    }

    /**
     * Assembles a kit from a release directory: the signed feed, the key list if present, and each
     * artifact the feed lists that exists in {@code releaseDir} (only the given platforms, if any).
     * The artifacts' sha256 are checked against the feed so a broken kit is caught when made, not
     * at the customer's site.
     */
    public static List<Path> make(Path releaseDir, Path outDir, List<PlatformKey> platforms) throws IOException {
        return make(releaseDir.resolve(FEED), releaseDir, outDir, platforms);
    }

    /**
     * As {@link #make(Path, Path, List)}, with the feed at {@code feedFile} (a release names it
     * {@code latest-<shell>.json}); in the kit it is always {@value #FEED}, its signature beside it.
     */
    public static List<Path> make(Path feedFile, Path releaseDir, Path outDir, List<PlatformKey> platforms) throws IOException {
        UpdateFeed feed;
        try {
            feed = FeedParser.parse(Files.readAllBytes(feedFile));
        } catch (FeedFormatException e) {
            throw new IOException(feedFile + ": " + e.getMessage());
        }
        Path feedSignature = feedFile.resolveSibling(feedFile.getFileName() + ".minisig");
        if (!Files.isRegularFile(feedSignature)) {
            throw new IOException("the release has no " + feedSignature.getFileName() + "; an unsigned kit would be rejected");
        }
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        written.add(Files.copy(feedFile, outDir.resolve(FEED), StandardCopyOption.REPLACE_EXISTING));
        written.add(Files.copy(feedSignature, outDir.resolve(FEED_SIGNATURE), StandardCopyOption.REPLACE_EXISTING));
        for (String name : List.of(KEYS, KEYS_SIGNATURE)) {
            if (Files.isRegularFile(releaseDir.resolve(name))) {
                written.add(Files.copy(releaseDir.resolve(name), outDir.resolve(name), StandardCopyOption.REPLACE_EXISTING));
            }
        }
        int artifacts = 0;
        for (Map.Entry<PlatformKey, PlatformEntry> e : feed.platforms().entrySet()) {
            Path source = releaseDir.resolve(e.getValue().fileName());
            if ((!platforms.isEmpty() && !platforms.contains(e.getKey())) || !Files.isRegularFile(source)) {
                continue;
            }
            String sha256 = Sha256.hex(source);
            if (!sha256.equals(e.getValue().sha256())) {
                throw new IOException(source + " has sha256 " + sha256 + " but the feed says " + e.getValue().sha256());
            }
            written.add(Files.copy(source, outDir.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING));
            artifacts++;
        }
        if (artifacts == 0) {
            throw new IOException("none of the feed's artifacts " + feed.platforms().keySet() + " is in " + releaseDir);
        }
        return written;
    }

    private static Optional<String> readOptional(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }
}
