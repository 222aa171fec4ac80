package io.desktopstarter.distribution.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One OS job's build as downloaded by the publish job: a folder with its {@code release.json}, the
 * installers, signatures, checksum manifest and, when signed, its platform's feed part.
 */
public record ReleasePart(Path dir, String shell, String os, String version, boolean signed, Optional<String> releaseKey,
        Optional<Path> feed) {
    /** The feed file each build writes: one shell, the platforms this OS job built. */
    public static String feedName(String shell) {
        return io.desktopstarter.distribution.release.FeedWriter.fileName(shell);
    }

    /** Every build under {@code root} (any depth), in path order. */
    public static List<ReleasePart> find(Path root) throws IOException, PublishException {
        if (!Files.isDirectory(root)) {
            throw new PublishException(root + " is not a folder of downloaded builds");
        }
        List<Path> metadata;
        try (Stream<Path> walk = Files.walk(root)) {
            metadata = walk.filter(p -> p.getFileName().toString().equals("release.json")).sorted().toList();
        }
        if (metadata.isEmpty()) {
            throw new PublishException("no release.json under " + root + ": no build was downloaded");
        }
        JsonMapper json = JsonMapper.builder().build();
        List<ReleasePart> parts = new java.util.ArrayList<>();
        for (Path file : metadata) {
            JsonNode release = json.readTree(file.toFile());
            String shell = text(release, "shell", file);
            Path dir = file.getParent();
            Path feed = dir.resolve(feedName(shell));
            parts.add(new ReleasePart(dir, shell, text(release, "os", file), text(release, "version", file),
                    release.path("signed").asBoolean(false),
                    Optional.ofNullable(release.get("release_key")).map(JsonNode::asText),
                    Files.isRegularFile(feed) ? Optional.of(feed) : Optional.empty()));
        }
        return List.copyOf(parts);
    }

    private static String text(JsonNode release, String field, Path file) throws PublishException {
        JsonNode value = release.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new PublishException(file + " has no '" + field + "'");
        }
        return value.asText();
    }
}
