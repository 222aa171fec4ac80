package io.desktopstarter.distribution.publish;

import io.desktopstarter.distribution.feed.FeedMerge;
import io.desktopstarter.distribution.feed.FeedMergeException;
import io.desktopstarter.distribution.release.ReleaseSigning;
import io.desktopstarter.minisign.MinisignPublicKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one GitHub release from the OS jobs' builds: every build's files side by side, and
 * one feed per shell merged from the builds' feed parts ({@link FeedMerge} checks each platform's
 * artifact) and signed once. The builds' own {@code release.json} and feed parts stay behind.
 */
public final class ReleaseAssembly {
    static final String NOTES = "release-notes.md";

    private final List<MinisignPublicKey> builtInKeys;
    private final ReleaseSigning signing;

    public ReleaseAssembly(List<MinisignPublicKey> builtInKeys, ReleaseSigning signing) {
        this.builtInKeys = List.copyOf(builtInKeys);
        this.signing = signing;
    }

    /** Writes the release into {@code out} and returns one line per thing done. */
    public List<String> assemble(List<ReleasePart> parts, Path out) throws IOException, PublishException {
        String version = parts.getFirst().version();
        for (ReleasePart part : parts) {
            if (!part.version().equals(version)) {
                throw new PublishException(part.dir() + " is version " + part.version() + ", " + parts.getFirst().dir() + " is "
                        + version + ": one release has one version");
            }
            if (!part.signed() || part.feed().isEmpty()) {
                throw new PublishException(part.dir() + " (" + part.shell() + " on " + part.os() + ") was built without the release "
                        + "key, so it has no signatures and no feed part: set DESKTOP_STARTER_SIGNING_KEY for every build job");
            }
        }
        Files.createDirectories(out);
        List<String> log = new ArrayList<>();
        for (ReleasePart part : parts) {
            log.add("files of " + part.shell() + " on " + part.os() + ": " + copyFiles(part, out));
        }
        Map<String, List<Path>> feedsByShell = new TreeMap<>();
        parts.forEach(p -> feedsByShell.computeIfAbsent(p.shell(), s -> new ArrayList<>()).add(p.feed().orElseThrow()));
        for (Map.Entry<String, List<Path>> shell : feedsByShell.entrySet()) {
            byte[] merged;
            try {
                merged = new FeedMerge(builtInKeys).merge(shell.getValue(), out);
            } catch (FeedMergeException e) {
                throw new PublishException("the " + shell.getKey() + " feed cannot be merged: " + e.getMessage());
            }
            Path feed = Files.write(out.resolve(ReleasePart.feedName(shell.getKey())), merged);
            signing.sign(feed);
            log.add(feed.getFileName() + " (+ .minisig): merged from " + shell.getValue().size() + " build(s), signed once");
        }
        StringBuilder notes = new StringBuilder();
        for (ReleasePart part : parts) {
            Path partNotes = part.dir().resolve(NOTES);
            if (Files.isRegularFile(partNotes)) {
                notes.append(notes.isEmpty() ? "" : "\n").append(Files.readString(partNotes));
            }
        }
        Files.writeString(out.resolve(NOTES), notes);
        log.add(NOTES + ": the notes of the " + parts.size() + " build(s), one after the other");
        Path publicKey = out.resolve("minisign.pub");
        Files.writeString(publicKey, builtInKeys.getFirst().toFileContent());
        log.add("minisign.pub: the release key the app has built in (key id " + builtInKeys.getFirst().keyIdHex() + ")");
        return log;
    }

    /**
     * Copies a build's top-level files; a name another build already wrote must have the same bytes. The
     * package-manager manifests in sub-folders are for submitting to Homebrew/Scoop/winget, not downloads.
     */
    private static int copyFiles(ReleasePart part, Path out) throws IOException, PublishException {
        Path feed = part.feed().orElseThrow();
        List<Path> files;
        try (Stream<Path> list = Files.list(part.dir())) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        int copied = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.equals("release.json") || name.equals(NOTES) || file.equals(feed) || file.equals(feed.resolveSibling(feed.getFileName() + ".minisig"))) {
                continue;
            }
            Path target = out.resolve(name);
            if (Files.exists(target)) {
                if (!Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(file))) {
                    throw new PublishException(out.relativize(target) + " comes from two builds with different content (again in "
                            + part.dir() + ")");
                }
                continue;
            }
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            copied++;
        }
        return copied;
    }
}
