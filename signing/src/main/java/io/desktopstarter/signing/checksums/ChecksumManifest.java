package io.desktopstarter.signing.checksums;

import io.desktopstarter.foundation.digest.Sha256;
import io.desktopstarter.signing.files.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code sha256sum}-compatible manifests: {@code <hex>  <file name>} per line, sorted by name. */
public final class ChecksumManifest {
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");

    private ChecksumManifest() {
    }

    /** One file's result when checking a manifest. */
    public record Entry(String name, Status status) {
        public String line() {
            return name + ": " + switch (status) {
                case OK -> "OK";
                case MISMATCH -> "FAILED";
                case MISSING -> "FAILED open or read";
            };
        }
    }

    /** Like sha256sum -c: OK, FAILED, FAILED open or read. */
    public enum Status { OK, MISMATCH, MISSING }

    public static String create(List<Path> files) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        for (Path file : files) {
            digests.put(file.getFileName().toString(), Sha256.hex(file));
        }
        return format(digests);
    }

    /** Writes (or replaces) {@code manifest} listing {@code files}. */
    public static void write(Path manifest, List<Path> files) throws IOException {
        SafeFiles.write(manifest, create(files).getBytes(StandardCharsets.UTF_8), false, true);
    }

    /** How many entries of a check did not match or were missing. */
    public static long failures(List<Entry> entries) {
        return entries.stream().filter(e -> e.status() != Status.OK).count();
    }

    /** The manifest text for digests already computed (file name → sha256), sorted by name. */
    public static String format(Map<String, String> digests) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(digests).entrySet()) {
            String name = e.getKey();
            if (name.contains("\n") || name.contains("\\")) {
                throw new IOException("cannot list a file name with a newline or backslash: " + name);
            }
            out.append(e.getValue()).append("  ").append(name).append('\n');
        }
        return out.toString();
    }

    /** Checks every line against the files beside the manifest; a malformed line is an error, not a skip. */
    public static List<Entry> check(Path manifest) throws IOException {
        Path dir = manifest.toAbsolutePath().getParent();
        List<Entry> result = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches() || m.group(2).contains("/") || m.group(2).equals("..")) {
                throw new IOException(manifest + " line " + number + " is not '<sha256>  <file name>'");
            }
            String name = m.group(2);
            try {
                result.add(new Entry(name, Sha256.hex(dir.resolve(name)).equals(m.group(1)) ? Status.OK : Status.MISMATCH));
            } catch (NoSuchFileException e) {
                result.add(new Entry(name, Status.MISSING));
            }
        }
        if (result.isEmpty()) {
            throw new IOException(manifest + " lists no files");
        }
        return result;
    }
}
