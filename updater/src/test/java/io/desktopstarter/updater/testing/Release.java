package io.desktopstarter.updater.testing;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * A signed release written to a directory: artifact, {@code latest.json} and its signature, the
 * layout of an update kit. Fields can be changed before signing to build every bad feed.
 */
public final class Release {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PLATFORM = "linux-x64-tar.gz";

    private Release() {
    }

    /** Writes the kit and returns the feed JSON that was signed. */
    public static ObjectNode write(Path dir, TestSigner signer, String version, byte[] artifact, String baseUrl,
            Consumer<ObjectNode> edit) throws Exception {
        Files.createDirectories(dir);
        String name = "desktop-java-starter-javafx-linux-" + version + "-x64.tar.gz";
        Path file = Files.write(dir.resolve(name), artifact);
        ObjectNode feed = feed(version, baseUrl + name, artifact, signer.sign(file));
        edit.accept(feed);
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(feed);
        Files.write(dir.resolve("latest.json"), json);
        Files.writeString(dir.resolve("latest.json.minisig"), signer.sign(json));
        return feed;
    }

    public static ObjectNode feed(String version, String url, byte[] artifact, String artifactSignature) throws Exception {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("schema", 1).put("app", "desktop-java-starter").put("shell", "javafx").put("version", version)
                .put("pub_date", "2026-11-20T00:00:00Z").put("expires", "2099-12-31T00:00:00Z")
                .put("notes", "Faster ponies.").put("min_version", "0.1.0");
        feed.putObject("platforms").putObject(PLATFORM)
                .put("url", url)
                .put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact)))
                .put("size", artifact.length)
                .put("signature", Base64.getEncoder().encodeToString(artifactSignature.getBytes(StandardCharsets.UTF_8)));
        return feed;
    }

    public static ObjectNode platform(ObjectNode feed) {
        return (ObjectNode) feed.get("platforms").get(PLATFORM);
    }

    /** Writes {@code keys.json} (+ {@code .minisig}) listing {@code listed}, signed by {@code by} (a key the client trusts). */
    public static void writeKeyList(Path dir, TestSigner by, TestSigner listed, boolean revoked, String pubDate) throws IOException {
        writeKeyList(dir, by, pubDate, new Listed(listed, "2030-01-01T00:00:00Z", revoked));
    }

    /** One key in a key list: its expiry and whether it is revoked. */
    public record Listed(TestSigner key, String expires, boolean revoked) {
        public static Listed trusted(TestSigner key) {
            return new Listed(key, "2030-01-01T00:00:00Z", false);
        }

        public static Listed revoked(TestSigner key) {
            return new Listed(key, "2030-01-01T00:00:00Z", true);
        }
    }

    /** Writes {@code keys.json} (+ {@code .minisig}) listing several keys, signed by {@code by}. */
    public static void writeKeyList(Path dir, TestSigner by, String pubDate, Listed... listed) throws IOException {
        ObjectNode list = JSON.createObjectNode().put("schema", 1).put("app", "desktop-java-starter").put("pub_date", pubDate);
        var keys = list.putArray("keys");
        for (Listed key : listed) {
            keys.addObject().put("public_key", key.key().publicKey().toFileContent().lines().toList().get(1))
                    .put("expires", key.expires()).put("revoked", key.revoked());
        }
        byte[] json = JSON.writeValueAsBytes(list);
        Files.createDirectories(dir);
        Files.write(dir.resolve("keys.json"), json);
        Files.writeString(dir.resolve("keys.json.minisig"), by.sign(json));
    }

    /** Re-signs a changed feed in place. */
    public static void resign(Path dir, TestSigner signer, ObjectNode feed) throws IOException {
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(feed);
        Files.write(dir.resolve("latest.json"), json);
        Files.writeString(dir.resolve("latest.json.minisig"), signer.sign(json));
    }
}
