package io.desktopstarter.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.testsupport.Required;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the release workflow promises, checked on the files the workflows run: the tag's version, one package list. */
class ReleaseWorkflowTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @CsvSource({"v1.2.3,1.2.3", "v0.1.0,0.1.0", "v1.2.3-rc.1,1.2.3-rc.1", "v10.20.30-beta.2+build.7,10.20.30-beta.2+build.7"})
    void aSemVerTagGivesTheVersion(String tag, String version) throws Exception {
        Required.tool("bash", "bash");
        Commands.Result result = Commands.run(ROOT, Map.of(), "bash", ".ci/version-from-tag", tag);
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output().strip()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "v1.2", "v1.2.3.4", "v01.2.3", "v1.2.3-rc.01", "vX.Y.Z", "main", "v1.2.3-", "v1.2.3 "})
    void anythingElseStopsTheWorkflowWithAReason(String tag) throws Exception {
        Required.tool("bash", "bash");
        Commands.Result result = Commands.run(ROOT, Map.of(), "bash", ".ci/version-from-tag", tag);
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("'" + tag + "'").containsPattern("release tag");
    }

    @Test
    void everyMavenCallOfTheReleaseBuildsTheTagsVersion() throws IOException {
        List<String> mavenCalls = Files.readAllLines(ROOT.resolve(".github/workflows/release.yml")).stream()
                .filter(line -> line.contains("./mvnw")).toList();
        assertThat(mavenCalls).hasSizeGreaterThanOrEqualTo(3);
        String release = Files.readString(ROOT.resolve(".github/workflows/release.yml"));
        // A folded (>) build command carries the revision on a following line.
        List<String> calls = List.of(release.split("\\./mvnw", -1)).subList(1, release.split("\\./mvnw", -1).length);
        assertThat(calls).hasSize(mavenCalls.size())
                .allSatisfy(call -> assertThat(call.substring(0, Math.min(call.length(), 400))).contains("-Drevision=\"$VERSION\""));
    }

    @Test
    void theFeedIsDatedByTheTagsCommitNotThePomsFixedTimestamp() throws IOException {
        // The feed's pub_date is the build timestamp; the pom's fixed one would make every release's feed expire on
        // the same day, whatever day it is published.
        String release = Files.readString(ROOT.resolve(".github/workflows/release.yml"));
        String build = release.substring(release.indexOf("- name: Build the release"), release.indexOf("- name: Upload"));
        assertThat(build).contains("-Dproject.build.outputTimestamp=\"$(git log -1 --format=%cI)\"");
    }

    @Test
    void onlyATagRunPublishes() throws IOException {
        String release = Files.readString(ROOT.resolve(".github/workflows/release.yml"));
        int publish = release.indexOf("gh release edit \"$TAG\" --draft=false");
        assertThat(publish).isPositive();
        assertThat(release.substring(release.lastIndexOf("- name:", publish), publish))
                .contains("if: github.event_name == 'push' && startsWith(github.ref, 'refs/tags/v')");
        assertThat(release).contains("--draft").contains("--verify-tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {".github/workflows/ci.yml", ".github/workflows/release.yml", ".ci/run"})
    void linuxMachinesInstallTheOneSharedPackageList(String file) throws IOException {
        String text = Files.readString(ROOT.resolve(file));
        assertThat(text).contains(".ci/linux-packages");
        assertThat(text).as("no second package list in " + file).doesNotContain("apt-get install -y lib");
    }

    @Test
    void theSharedListHasWhatTheSwingShellAndPackagingNeed() throws Exception {
        Required.tool("bash", "bash");
        Commands.Result result = Commands.run(ROOT, Map.of(), "bash", ".ci/linux-packages", "--list");
        assertThat(result.exit()).isZero();
        assertThat(result.output().lines()).contains("patchelf", "libnss3", "libgbm1", "xvfb", "minisign", "rpm", "faketime");
    }
}
