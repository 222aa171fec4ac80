package io.desktopstarter.distribution.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.foundation.digest.Sha256;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageInventoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APACHE = "Apache License 2.0, the whole text";

    @TempDir
    Path tmp;
    Path shellBom;
    Path backendBom;
    Path runtime;
    final List<Path> jars = new ArrayList<>();

    @BeforeEach
    void aShellAndABackend() throws Exception {
        shellBom = bom("shell", "desktop-starter-shell-javafx",
                component("org.openjfx", "javafx-web", "26.0.1", "linux", "GPL-2.0-with-classpath-exception"),
                component("commons-io", "commons-io", "2.20.0", null, "Apache-2.0"));
        backendBom = bom("core", "desktop-starter-core",
                component("commons-io", "commons-io", "2.20.0", null, "Apache-2.0"),
                component("org.xerial", "sqlite-jdbc", "3.50.3.0", null, "Apache-2.0"));
        jars.add(jar("javafx-web-26.0.1-linux.jar", Map.of("META-INF/LICENSE", "GPL v2 with the Classpath Exception")));
        jars.add(jar("commons-io-2.20.0.jar", Map.of("META-INF/LICENSE.txt", APACHE, "META-INF/NOTICE.txt", "Apache Commons IO")));
        jars.add(jar("sqlite-jdbc-3.50.3.0.jar", Map.of("LICENSE", APACHE + "\r\n")));
        jars.add(jar("desktop-starter-release-keys.jar", Map.of()));
        runtime = Files.createDirectories(tmp.resolve("runtime"));
        Files.writeString(runtime.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n"
                + "JAVA_VERSION=\"25.0.3\"\nMODULES=\"java.base java.desktop\"\n");
    }

    @Test
    void theSbomListsEveryModuleDependencyOnceWithTheShippedFilesHashAndTheJavaRuntime() throws Exception {
        Path out = tmp.resolve("legal");

        int listed = PackageInventory.write(request(List.of(shellBom, backendBom)), out);

        JsonNode sbom = JSON.readTree(out.resolve(PackageInventory.SBOM).toFile());
        assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(sbom.path("metadata").path("timestamp").asText()).isEqualTo("2026-11-23T00:00:00Z");
        assertThat(sbom.path("metadata").path("component").path("name").asText()).isEqualTo("demo-javafx");
        List<String> names = new ArrayList<>();
        sbom.path("components").forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("desktop-starter-shell-javafx", "desktop-starter-core", "javafx-web",
                "commons-io", "sqlite-jdbc", "OpenJDK Runtime").hasSize(listed);
        JsonNode commonsIo = find(sbom, "commons-io");
        assertThat(commonsIo.path("hashes").path(0).path("content").asText()).isEqualTo(Sha256.hex(jars.get(1)));
        JsonNode jdk = find(sbom, "OpenJDK Runtime");
        assertThat(jdk.path("version").asText()).isEqualTo("25.0.3+9-LTS");
        assertThat(jdk.path("licenses").path(0).path("expression").asText()).isEqualTo("GPL-2.0-only WITH Classpath-exception-2.0");
    }

    @Test
    void theNoticesNameEveryComponentAndCarryEachLicenseTextOnce() throws Exception {
        Path natives = Files.writeString(tmp.resolve("LICENSE.txt"), "Chromium Embedded Framework: BSD");
        Path out = tmp.resolve("legal");

        PackageInventory.write(request(List.of(shellBom, backendBom), Map.of("jcef/LICENSE.txt", natives)), out);

        String notices = Files.readString(out.resolve(PackageInventory.NOTICES));
        assertThat(notices).contains("- org.openjfx:javafx-web 26.0.1 (linux) — GPL-2.0-with-classpath-exception",
                "- org.xerial:sqlite-jdbc 3.50.3.0 — Apache-2.0", "Eclipse Adoptium OpenJDK Runtime 25.0.3+9-LTS",
                "the notices of each of its modules are in runtime/legal/", "Apache Commons IO",
                "== jcef/LICENSE.txt ==", "Chromium Embedded Framework: BSD");
        assertThat(notices.split(APACHE, -1)).as("the Apache text once for both jars that carry it").hasSize(2);
        assertThat(notices).contains("== commons-io:commons-io 2.20.0: META-INF/LICENSE.txt, org.xerial:sqlite-jdbc 3.50.3.0: LICENSE ==");
    }

    @Test
    void twoBuildsWriteTheSameBytes() throws Exception {
        PackageInventory.write(request(List.of(shellBom, backendBom)), tmp.resolve("a"));
        PackageInventory.write(request(List.of(backendBom, shellBom)), tmp.resolve("b"));

        for (String file : List.of(PackageInventory.SBOM, PackageInventory.NOTICES)) {
            assertThat(tmp.resolve("b").resolve(file)).hasSameBinaryContentAs(tmp.resolve("a").resolve(file));
        }
    }

    @Test
    void aShippedJarNoModuleListsFailsTheBuild() throws Exception {
        jars.add(jar("mystery-1.0.jar", Map.of()));

        assertThatThrownBy(() -> PackageInventory.write(request(List.of(shellBom, backendBom)), tmp.resolve("legal")))
                .isInstanceOf(BuildException.class).hasMessageContaining("ships [mystery-1.0.jar], which no module SBOM lists");
    }

    @Test
    void aComponentWithoutALicenseFailsTheBuild() throws Exception {
        Path unlicensed = bom("other", "desktop-starter-other", component("x.y", "nameless", "1", null, null));

        assertThatThrownBy(() -> PackageInventory.write(request(List.of(shellBom, backendBom, unlicensed)), tmp.resolve("legal")))
                .hasMessageContaining("no license known for [pkg:maven/x.y/nameless@1?type=jar]");
    }

    /** Maven skips the plugin offline: the build says so instead of shipping an SBOM with half the package in it. */
    @Test
    void aMissingModuleSbomSaysToBuildOnline() {
        assertThatThrownBy(() -> PackageInventory.write(request(List.of(shellBom, tmp.resolve("offline/target/bom.json"))),
                tmp.resolve("legal"))).hasMessageContaining("no module SBOM at").hasMessageContaining("build online");
    }

    private PackageInventory.Request request(List<Path> boms) {
        return request(boms, Map.of());
    }

    private PackageInventory.Request request(List<Path> boms, Map<String, Path> texts) {
        return new PackageInventory.Request("demo-javafx", "1.2.0", "MIT", boms, jars, Map.of("runtime", runtime), texts,
                Instant.parse("2026-11-23T00:00:00Z"));
    }

    private static JsonNode find(JsonNode sbom, String name) {
        for (JsonNode c : sbom.path("components")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name + " not in the SBOM");
    }

    private Path bom(String module, String name, String... components) throws Exception {
        Path file = Files.createDirectories(tmp.resolve(module + "/target")).resolve("bom.json");
        return Files.writeString(file, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"component":%s},"components":[%s]}
                """.formatted(component("io.desktopstarter", name, "1.2.0", null, "MIT"), String.join(",", components)));
    }

    private static String component(String group, String name, String version, String classifier, String license) {
        String purl = "pkg:maven/" + group + "/" + name + "@" + version + "?" + (classifier == null ? "" : "classifier=" + classifier + "&")
                + "type=jar";
        String licenses = license == null ? "" : ",\"licenses\":[{\"license\":{\"id\":\"" + license + "\"}}]";
        return "{\"type\":\"library\",\"bom-ref\":\"" + purl + "\",\"group\":\"" + group + "\",\"name\":\"" + name
                + "\",\"version\":\"" + version + "\",\"purl\":\"" + purl + "\"" + licenses
                + ",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"00\"}]}";
    }

    private Path jar(String name, Map<String, String> entries) throws Exception {
        Path jar = Files.createDirectories(tmp.resolve("jars")).resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
