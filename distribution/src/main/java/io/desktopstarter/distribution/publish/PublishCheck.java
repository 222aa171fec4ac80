package io.desktopstarter.distribution.publish;

import io.desktopstarter.distribution.feed.FeedMerge;
import io.desktopstarter.distribution.feed.FeedMergeException;
import io.desktopstarter.signing.checksums.ChecksumManifest;
import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.MinisignVerifier;
import io.desktopstarter.minisign.Verification;
import io.desktopstarter.updater.feed.FeedFormatException;
import io.desktopstarter.updater.feed.FeedParser;
import io.desktopstarter.updater.feed.UpdateFeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The last gate before a draft is published, run on the files that will be uploaded: the tag's
 * version everywhere, a build of every shell, each shell's feed signed by a built-in key and matching
 * the files, every checksum manifest line true, and every file's {@code .minisig} valid with a key
 * the app has built in — the same verifier the app runs. Returns the problems; none means publish.
 */
public final class PublishCheck {
    private final List<MinisignPublicKey> builtInKeys;

    public PublishCheck(List<MinisignPublicKey> builtInKeys) {
        this.builtInKeys = List.copyOf(builtInKeys);
    }

    public List<String> problems(Path assets, List<ReleasePart> parts, String version, Set<String> shells) throws IOException {
        List<String> problems = new ArrayList<>();
        for (ReleasePart part : parts) {
            if (!part.version().equals(version)) {
                problems.add(part.dir() + " is version " + part.version() + ", the tag says " + version);
            }
            if (part.releaseKey().isEmpty() || builtInKeys.stream().noneMatch(k -> k.toFileContent().contains(part.releaseKey().get()))) {
                problems.add(part.dir() + " (" + part.shell() + " on " + part.os() + ") was not signed with the built-in release key");
            }
        }
        for (String shell : shells) {
            if (parts.stream().noneMatch(p -> p.shell().equals(shell))) {
                problems.add("no " + shell + " build was downloaded");
            }
            checkFeed(assets, shell, version, parts, problems);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(assets)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".minisig") || name.equals("minisign.pub") || name.equals(ReleaseAssembly.NOTES)) {
                continue;
            }
            signatureProblem(file).ifPresent(problems::add);
            if (name.endsWith("-sha256.txt")) {
                checkManifest(file, problems);
            }
        }
        return problems;
    }

    private void checkFeed(Path assets, String shell, String version, List<ReleasePart> parts, List<String> problems)
            throws IOException {
        Path feed = assets.resolve(ReleasePart.feedName(shell));
        if (!Files.isRegularFile(feed)) {
            problems.add(feed.getFileName() + " is missing");
            return;
        }
        UpdateFeed parsed;
        try {
            parsed = FeedParser.parse(Files.readAllBytes(feed));
        } catch (FeedFormatException e) {
            problems.add(feed.getFileName() + " is not a valid feed: " + e.getMessage());
            return;
        }
        if (!parsed.shell().equals(shell) || !parsed.version().toString().equals(version)) {
            problems.add(feed.getFileName() + " is " + parsed.shell() + " " + parsed.version() + ", expected " + shell + " " + version);
        }
        long builtPlatforms = parts.stream().filter(p -> p.shell().equals(shell)).flatMap(p -> p.feed().stream()).mapToLong(f -> {
            try {
                return FeedParser.parse(Files.readAllBytes(f)).platforms().size();
            } catch (IOException | FeedFormatException e) {
                return -1;
            }
        }).sum();
        if (parsed.platforms().size() != builtPlatforms) {
            problems.add(feed.getFileName() + " lists " + parsed.platforms().size() + " platform(s), the builds made " + builtPlatforms);
        }
        try {
            // Re-checks every platform's artifact (present, size, sha256, signature by a built-in key).
            new FeedMerge(builtInKeys).merge(List.of(feed), assets);
        } catch (FeedMergeException e) {
            problems.add(feed.getFileName() + ": " + e.getMessage());
        }
    }

    /** The signing tool's {@code sha256sum -c}, each failure worded for the publish log. */
    private static void checkManifest(Path manifest, List<String> problems) {
        try {
            for (ChecksumManifest.Entry entry : ChecksumManifest.check(manifest)) {
                switch (entry.status()) {
                    case OK -> { }
                    case MISSING -> problems.add(manifest.getFileName() + " lists " + entry.name() + ", which is not in the release");
                    case MISMATCH -> problems.add(entry.name() + " does not match its line in " + manifest.getFileName());
                }
            }
        } catch (IOException e) {
            problems.add(manifest.getFileName() + ": " + e.getMessage());
        }
    }

    /** Empty when {@code file.minisig} exists and verifies with a built-in key. */
    java.util.Optional<String> signatureProblem(Path file) throws IOException {
        Path sig = file.resolveSibling(file.getFileName() + ".minisig");
        if (!Files.isRegularFile(sig)) {
            return java.util.Optional.of(file.getFileName() + ".minisig is missing");
        }
        MinisignSignature signature;
        try {
            signature = MinisignSignature.parse(Files.readString(sig, StandardCharsets.UTF_8));
        } catch (MinisignFormatException e) {
            return java.util.Optional.of(sig.getFileName() + " is not a minisign signature: " + e.getMessage());
        }
        for (MinisignPublicKey key : builtInKeys) {
            if (Arrays.equals(key.keyId(), signature.keyId())) {
                return MinisignVerifier.verify(key, signature, file) instanceof Verification.Valid ? java.util.Optional.empty()
                        : java.util.Optional.of(file.getFileName() + ": its signature does not verify (changed after signing?)");
            }
        }
        return java.util.Optional.of(file.getFileName() + " is signed by key " + MinisignPublicKey.keyIdHex(signature.keyId())
                + ", which the app does not have built in");
    }
}
