package io.desktopstarter.staging.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestsTest {
    static final String DIGEST = "a".repeat(64);

    @TempDir
    Path dir;

    static RuntimeManifest sample() {
        return new RuntimeManifest(1, "desktop-java-starter", "1.2.3", "2026-11-23T00:00:00Z",
                new CommandSpec(List.of("runtime/bin/java", "-cp", "app/a.jar", "Main")),
                new CommandSpec(List.of("runtime/bin/java", "-cp", "app/a.jar", "Main", "--worker")),
                "/health/", RuntimeManifest.ReadyLine.JSON, List.of("DESKTOP_STARTER_TOKEN"),
                List.of("java.base", "jdk.httpserver"), null, new TreeMap<>(Map.of("app/a.jar", DIGEST)));
    }

    @Test
    void writeThenReadGivesTheSameManifest() throws Exception {
        Files.write(dir.resolve(RuntimeManifest.FILE_NAME), Manifests.toBytes(sample()));

        assertThat(Manifests.read(dir)).isEqualTo(sample());
    }

    @Test
    void contractFieldsAreWrittenUnderTheirDesignNames() {
        String json = new String(Manifests.toBytes(sample()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"schemaVersion\" : 1", "\"appId\"", "\"version\"", "\"createdAt\"",
                "\"healthPath\"", "\"jdkModules\"", "\"files\"", "\"backend\" : {", "\"worker\" : {", "\"command\"");
    }

    @Test
    void missingManifestSaysHowToStage() {
        assertThatThrownBy(() -> Manifests.read(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("No runtime manifest at")
                .hasMessageContaining("./mvnw -pl staging -am package");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json               | {schemaVersion: 1                                 | is not valid JSON",
        "array                  | [1, 2]                                            | must contain a JSON object",
        "empty                  | ''                                                | must contain a JSON object",
        "no schema              | {\"appId\": \"x\"}                                | schemaVersion is missing",
        "schema as text         | {\"schemaVersion\": \"1\"}                        | schemaVersion is missing",
        "future schema          | {\"schemaVersion\": 2}                            | schemaVersion 2 is not supported",
        "missing fields         | {\"schemaVersion\": 1}                            | appId is missing",
        "command not array      | @backend.command=\"java\"                         | backend.command must be a non-empty array",
        "empty command          | @worker.command=[]                                | worker.command must be a non-empty array",
        "number in command      | @backend.command=[\"java\", 3]                    | must contain only strings",
        "absolute file          | @files={\"/etc/passwd\": \"" + "x" + "\"}          | is not a relative path",
        "traversal              | @files={\"app/../../x\": \"DIGEST\"}              | is not a relative path",
        "backslash              | @files={\"app\\\\x.jar\": \"DIGEST\"}             | is not a relative path",
        "bad digest             | @files={\"app/x.jar\": \"ABC\"}                   | needs a lowercase hex sha256",
        "health not a path      | @healthPath=\"health\"                            | healthPath must start with /",
        "duplicate key          | {\"schemaVersion\": 1, \"schemaVersion\": 1}      | Duplicate field 'schemaVersion'",
        "unpaired surrogate     | {\"schemaVersion\": 1, \"appId\": \"x\\ud800\"}   | not valid Unicode",
    })
    void brokenManifestsAreRejectedWithAReason(String name, String content, String expected) throws Exception {
        String json = content.startsWith("@") ? patch(content.substring(1)) : content;
        Files.writeString(dir.resolve(RuntimeManifest.FILE_NAME), json.replace("DIGEST", DIGEST));

        assertThatThrownBy(() -> Manifests.read(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining(expected.strip());
    }

    @ParameterizedTest
    @CsvSource({"app/x.jar,true", "runtime/bin/java,true", "../x,false", "/x,false", "a//b,false", "./a,false",
            "C:/x,false", "a/./b,false", "a/,false"})
    void relativePathRule(String path, boolean safe) {
        assertThat(Manifests.safeRelativePath(path)).isEqualTo(safe);
    }

    /** The valid sample with one field replaced, e.g. {@code backend.command=[]}. */
    private static String patch(String assignment) {
        String json = new String(Manifests.toBytes(sample()), StandardCharsets.UTF_8);
        int eq = assignment.indexOf('=');
        String path = assignment.substring(0, eq);
        String value = assignment.substring(eq + 1);
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
            String[] parts = path.split("\\.");
            var node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                node = (com.fasterxml.jackson.databind.node.ObjectNode) node.get(parts[i]);
            }
            node.set(parts[parts.length - 1], mapper.readTree(value));
            return mapper.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
