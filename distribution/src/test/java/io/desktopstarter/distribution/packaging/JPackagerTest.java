package io.desktopstarter.distribution.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.PackageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JPackagerTest {
    @TempDir
    Path tmp;

    @Test
    void theArgumentFileCarriesTheShellsPartQuoted() throws Exception {
        Path backend = tmp.resolve("my work/content/staged-backend");
        Path natives = tmp.resolve("my work/content/jcef");

        Path file = JPackager.writeArguments(tmp.resolve("args/shell.args"), "shell.jar", "org.example.Main",
                List.of(new AppContent(backend, "desktopstarter.backend"), new AppContent(natives, "demo.dir")));

        assertThat(Files.readAllLines(file)).containsExactly(
                "--main-jar \"shell.jar\"",
                "--main-class \"org.example.Main\"",
                "--java-options \"-Ddesktopstarter.package=tar.gz\"",
                "--app-content \"" + backend + "\"",
                "--java-options \"-Ddesktopstarter.backend=$APPDIR/../staged-backend\"",
                "--app-content \"" + natives + "\"",
                "--java-options \"-Ddemo.dir=$APPDIR/../jcef\"");
        assertThat(JPackager.quoted("C:\\a \"b\"")).isEqualTo("\"C:\\\\a \\\"b\\\"\"");
    }

    @Test
    void eachFormatIsWrittenIntoTheLaunchersConfigInPlace() throws Exception {
        Path cfg = Files.createDirectories(tmp.resolve("image/lib/app")).resolve("app.cfg");
        Files.writeString(cfg, "[JavaOptions]\njava-options=-Ddesktopstarter.package=tar.gz\njava-options=-Da=b\n");

        JPackager.withFormat(tmp.resolve("image"), PackageFormat.DEB);

        assertThat(cfg).hasContent("[JavaOptions]\njava-options=-Ddesktopstarter.package=deb\njava-options=-Da=b\n");
    }

    @Test
    void theUpgradeCodeIsTheConfiguredOneOrDerivedFromThePackageName() {
        InstallerOptions derived = new InstallerOptions("Menu", true, true, true, Optional.of(""), "io.example", "App");
        InstallerOptions fixed = new InstallerOptions("Menu", true, true, true, Optional.of("8d3a2c6e-0d1b-4bd5-9d52-3a6f1f0c2b11"),
                "io.example", "App");

        assertThat(derived.upgradeUuid("desktop-java-starter-javafx"))
                .isEqualTo(java.util.UUID.nameUUIDFromBytes("io.desktopstarter:desktop-java-starter-javafx".getBytes()).toString())
                .isNotEqualTo(derived.upgradeUuid("desktop-java-starter-swing"));
        assertThat(fixed.upgradeUuid("anything")).isEqualTo("8d3a2c6e-0d1b-4bd5-9d52-3a6f1f0c2b11");
    }
}
