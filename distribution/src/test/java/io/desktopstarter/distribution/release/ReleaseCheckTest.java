package io.desktopstarter.distribution.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.distribution.cli.ReleaseCheck;
import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.distribution.TestApps;
import io.desktopstarter.distribution.packaging.AppInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCheckTest {
    @TempDir
    Path tmp;

    @Test
    void aCompleteReleasePassesAndAMissingOrChangedFileIsNamed() throws Exception {
        AppInfo app = TestApps.javafx("1.2.0");
        Path out = Files.createDirectories(tmp.resolve("assets/release-javafx-Linux"));
        Path deb = Files.writeString(out.resolve(app.artifactName(PackageFormat.DEB)), "deb");
        new ReleaseWriter(app, out, "https://d.example/", Optional.empty(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), 30, "")
                .write(Map.of(PackageFormat.DEB, deb), tmp.resolve("work"));

        assertThat(ReleaseCheck.check(tmp.resolve("assets"))).isEmpty();

        Files.writeString(deb, "tampered");
        assertThat(ReleaseCheck.check(tmp.resolve("assets"))).singleElement().asString().contains("differs");
        Files.delete(deb);
        assertThat(ReleaseCheck.check(tmp.resolve("assets"))).singleElement().asString().startsWith(app.artifactName(PackageFormat.DEB));
        assertThat(ReleaseCheck.check(tmp.resolve("empty"))).isNotEmpty();
    }
}
