package io.desktopstarter.staging.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads (strictly, with messages a user can act on) and writes {@code runtime-manifest.json}. */
public final class Manifests {
    /** Duplicate keys are an error (as in the update feed): two readers of one file must never see two manifests. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private Manifests() {
    }

    /** Reads {@code dir/runtime-manifest.json}, or the file itself when a file is given. */
    public static RuntimeManifest read(Path dirOrFile) throws ManifestException {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(RuntimeManifest.FILE_NAME) : dirOrFile;
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ManifestException(file + " is larger than " + MAX_BYTES + " bytes; it is not a runtime manifest");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ManifestException("No runtime manifest at " + file + ". Stage the backend first "
                    + "(./mvnw -pl staging -am package) or point the launcher at a staged tree.", e);
        } catch (IOException e) {
            throw new ManifestException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    public static RuntimeManifest parse(byte[] bytes, String source) throws ManifestException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ManifestException(source + " is not valid JSON (" + firstLine(e) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new ManifestException(source + " must contain a JSON object");
        }
        JsonNode schema = root.get("schemaVersion");
        if (schema == null || !schema.isInt()) {
            throw new ManifestException(source + ": schemaVersion is missing or not a number");
        }
        if (schema.intValue() != RuntimeManifest.SCHEMA_VERSION) {
            throw new ManifestException(source + ": schemaVersion " + schema.intValue()
                    + " is not supported (this launcher reads schemaVersion " + RuntimeManifest.SCHEMA_VERSION + ")");
        }
        List<String> problems = new ArrayList<>();
        if (!validUnicode(root)) {
            problems.add("a string is not valid Unicode (an unpaired surrogate escape such as \\ud800)");
        }
        for (String field : List.of("appId", "version", "createdAt", "healthPath")) {
            if (!root.path(field).isTextual() || root.path(field).asText().isBlank()) {
                problems.add(field + " is missing");
            }
        }
        for (String field : List.of("backend", "worker")) {
            JsonNode command = root.path(field).path("command");
            if (!command.isArray() || command.isEmpty()) {
                problems.add(field + ".command must be a non-empty array of strings");
            } else {
                command.forEach(arg -> {
                    if (!arg.isTextual()) {
                        problems.add(field + ".command must contain only strings");
                    }
                });
            }
        }
        if (!root.path("jdkModules").isArray()) {
            problems.add("jdkModules must be an array");
        }
        JsonNode files = root.path("files");
        if (!files.isObject()) {
            problems.add("files must map relative paths to sha256 digests");
        } else {
            files.properties().forEach(e -> checkFileEntry(e.getKey(), e.getValue(), problems));
        }
        if (root.path("healthPath").isTextual() && !root.path("healthPath").asText().startsWith("/")) {
            problems.add("healthPath must start with /");
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(source + " is not a valid runtime manifest: " + String.join("; ", problems));
        }
        try {
            return JSON.treeToValue(root, RuntimeManifest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ManifestException(source + " is not a valid runtime manifest: " + firstLine(e), e);
        }
    }

    public static byte[] toBytes(RuntimeManifest manifest) {
        try {
            return (JSON.writeValueAsString(manifest) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest record always serializes", e);
        }
    }

    /** A relative, normalized path that stays inside the staged tree. */
    public static boolean safeRelativePath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
                || path.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void checkFileEntry(String path, JsonNode digest, List<String> problems) {
        if (!safeRelativePath(path)) {
            problems.add("files entry '" + path + "' is not a relative path inside the staged tree");
        }
        if (!digest.isTextual() || !SHA256.matcher(digest.asText()).matches()) {
            problems.add("files entry '" + path + "' needs a lowercase hex sha256");
        }
    }

    /** JSON escapes can spell half a UTF-16 pair; such text cannot be passed on to a process or written back. */
    private static boolean validUnicode(JsonNode node) {
        if (node.isTextual()) {
            return validUnicode(node.textValue());
        }
        for (var field : node.properties()) {
            if (!validUnicode(field.getKey()) || !validUnicode(field.getValue())) {
                return false;
            }
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!validUnicode(item)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean validUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
