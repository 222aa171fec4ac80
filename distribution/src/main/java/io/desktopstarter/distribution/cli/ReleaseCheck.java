package io.desktopstarter.distribution.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.desktopstarter.foundation.digest.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Before a draft release is published: every {@code release.json} under a directory (one per
 * OS/shell build) must find each listed artifact with the listed size and sha256, its
 * {@code .minisig} when the build was signed, and the checksum manifest. Prints one line per
 * problem; exit 0 only when there is none (the seed's check-github-release, for our metadata).
 */
public final class ReleaseCheck {
    private ReleaseCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ReleaseCheck <directory with the downloaded release builds>");
            System.exit(2);
        }
        List<String> problems = check(Path.of(args[0]));
        problems.forEach(p -> System.out.println("MISSING: " + p));
        System.out.println(problems.isEmpty() ? "release complete" : problems.size() + " problem(s); do not publish");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    public static List<String> check(Path root) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> metadata = List.of();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                metadata = walk.filter(p -> p.getFileName().toString().equals("release.json")).sorted().toList();
            }
        }
        if (metadata.isEmpty()) {
            problems.add("no release.json under " + root);
        }
        for (Path json : metadata) {
            Path dir = json.getParent();
            JsonNode release = JsonMapper.builder().build().readTree(json.toFile());
            boolean signed = release.path("signed").asBoolean(false);
            String manifest = release.path("app").asText() + "-" + release.path("shell").asText() + "-" + release.path("os").asText() + "-"
                    + release.path("version").asText() + "-sha256.txt";
            List<String> expected = new ArrayList<>(List.of(manifest));
            if (signed) {
                String feed = io.desktopstarter.distribution.release.FeedWriter.fileName(release.path("shell").asText());
                expected.addAll(List.of(manifest + ".minisig", feed, feed + ".minisig"));
            }
            for (JsonNode artifact : release.path("artifacts")) {
                String name = artifact.path("name").asText();
                Path file = dir.resolve(name);
                if (!Files.isRegularFile(file)) {
                    problems.add(name + " (listed in " + json + ")");
                    continue;
                }
                if (Files.size(file) != artifact.path("size").asLong() || !Sha256.hex(file).equals(artifact.path("sha256").asText())) {
                    problems.add(name + " differs from release.json (size or sha256)");
                }
                if (signed) {
                    expected.add(name + ".minisig");
                }
            }
            for (String name : expected) {
                if (!Files.isRegularFile(dir.resolve(name))) {
                    problems.add(name + " (in " + dir + ")");
                }
            }
        }
        return problems;
    }
}
