package io.desktopstarter.staging.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.staging.StagedTree;
import io.desktopstarter.staging.cli.StagingCliProbe;
import io.desktopstarter.staging.manifest.Manifests;
import io.desktopstarter.staging.manifest.RuntimeManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staged tree Maven built: contents, manifest and the verify command. */
class StagedTreeIT {
    @TempDir
    Path temp;

    @Test
    void manifestDescribesTheTreeAndTheJdkModules() throws Exception {
        Path root = StagedTree.path();
        RuntimeManifest manifest = Manifests.read(root);

        assertThat(manifest.schemaVersion()).isEqualTo(1);
        assertThat(manifest.jdkModules()).contains("java.base", "java.sql", "jdk.unsupported")
                .as("the backend serves HTTP itself (D-031)").doesNotContain("jdk.httpserver");
        assertThat(manifest.backend().command().getFirst()).isEqualTo("runtime/bin/java");
        assertThat(manifest.worker().command()).endsWith("io.desktopstarter.core.Main", "--worker");
        // No AOT cache ships (D-055): the launcher records one on the user's machine. The first start uses CDS.
        assertThat(manifest.aotCache()).isNull();
        assertThat(manifest.backend().command()).noneMatch(option -> option.startsWith("-XX:AOTCache"));
        assertThat(Files.isExecutable(root.resolve("runtime/bin/java"))).isTrue();
        assertThat(manifest.files()).containsKeys("runtime/bin/java", "runtime/lib/modules", "runtime/lib/server/classes.jsa")
                .doesNotContainKeys("app/app.aot", "runtime/lib/server/classes_nocoops.jsa");
        assertThat(manifest.files().keySet()).noneMatch(p -> p.startsWith("runtime/include/") || p.startsWith("runtime/man/"));
        String release = Files.readString(root.resolve("runtime/release"));
        for (String module : manifest.jdkModules()) {
            assertThat(release).contains(module);
        }
    }

    @Test
    void pristineTreeVerifies() {
        StagingCliProbe.Result result = StagingCliProbe.run("verify", StagedTree.path().toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("OK: ");
    }

    @Test
    void tamperedTreeFailsAndNamesEveryDifference() throws Exception {
        Path copy = StagedTree.copyTo(temp.resolve("backend"));
        Path jar = Files.list(copy.resolve("app")).filter(p -> p.getFileName().toString().startsWith("desktop-starter-core"))
                .findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length / 2] ^= 1;
        Files.write(jar, bytes);
        Files.delete(copy.resolve("runtime/lib/modules"));
        Files.writeString(copy.resolve("app/evil.jar"), "not ours");

        StagingCliProbe.Result result = StagingCliProbe.run("verify", copy.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        String rel = "app/" + jar.getFileName();
        assertThat(result.out().lines()).containsExactly(
                "missing: runtime/lib/modules", "modified: " + rel, "extra: app/evil.jar");
        assertThat(result.err()).contains("FAILED: 3 difference(s)");
    }

    @Test
    void verifyWithoutManifestIsABadInputError() {
        StagingCliProbe.Result result = StagingCliProbe.run("verify", temp.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No runtime manifest at");
    }
}
