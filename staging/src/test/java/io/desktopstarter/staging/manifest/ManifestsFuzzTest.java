package io.desktopstarter.staging.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@link Manifests#parse} ({@code runtime-manifest.json}) on any bytes: a manifest whose every file
 * path stays inside the staged tree and which writes back to the same manifest, or
 * {@link ManifestException} with a message; never another exception.
 */
class ManifestsFuzzTest {
    @DictionaryEntries({"\"schemaVersion\"", "\"appId\"", "\"version\"", "\"createdAt\"", "\"backend\"", "\"worker\"",
            "\"command\"", "\"healthPath\"", "\"readyLine\"", "\"requiredEnv\"", "\"jdkModules\"", "\"aotCache\"", "\"files\"",
            "\"format\"", "\"event\"", "\"portField\"", "null", "../", "runtime/bin/java"})
    @FuzzTest
    void parse(byte[] input) throws Exception {
        RuntimeManifest manifest;
        try {
            manifest = Manifests.parse(input, "runtime-manifest.json");
        } catch (ManifestException expected) {
            assertThat(expected.getMessage()).startsWith("runtime-manifest.json");
            return;
        }
        assertThat(manifest.schemaVersion()).isEqualTo(RuntimeManifest.SCHEMA_VERSION);
        assertThat(manifest.healthPath()).startsWith("/");
        assertThat(manifest.backend().command()).isNotEmpty();
        assertThat(manifest.worker().command()).isNotEmpty();
        assertThat(manifest.files().keySet()).allMatch(Manifests::safeRelativePath);
        assertThat(Manifests.parse(Manifests.toBytes(manifest), "runtime-manifest.json")).isEqualTo(manifest);
    }
}
