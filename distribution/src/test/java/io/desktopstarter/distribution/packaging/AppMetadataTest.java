package io.desktopstarter.distribution.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.distribution.TestApps;
import org.junit.jupiter.api.Test;

class AppMetadataTest {
    @Test
    void theLongDescriptionIsWrappedAsTheDebAndRpmHaveAlwaysShownIt() {
        assertThat(TestApps.META.longDescriptionLines()).containsExactly(
                "Desktop Java Starter runs a local web application (a Java backend with a",
                "SQLite database) inside a desktop window. The backend listens on the loopback",
                "interface only and every request carries a per-session token. Updates are",
                "downloaded from a signed feed and verified before they are installed.");
    }

    @Test
    void whitespaceFromAnIndentedPomPropertyIsFolded() {
        AppMetadata meta = new AppMetadata("app", "App", "V", "V <v@example.org>", "https://example.org", "An app",
                "\n        One   two\n        three.\n    ", "2026", "MIT");

        assertThat(meta.longDescription()).isEqualTo("One two three.");
        assertThat(meta.longDescriptionLines()).containsExactly("One two three.");
    }

    @Test
    void everyBlankFieldIsNamedAndTheIdMustNamePackages() {
        assertThatThrownBy(() -> new AppMetadata("app", " ", "V", "", "https://example.org", "An app", "Long.", "2026", "MIT"))
                .hasMessageContaining("[name, maintainer]").hasMessageContaining("distribution/pom.xml");
        assertThatThrownBy(() -> new AppMetadata("My App", "App", "V", "M", "https://example.org", "An app", "Long.", "2026", "MIT"))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new AppMetadata("app", "App", "V", "M", "https://example.org", "x".repeat(80), "Long.", "2026", "MIT"))
                .hasMessageContaining("under 80");
    }

    @Test
    void namesComeFromTheAppIdTheShellAndThePlatform() {
        AppInfo app = TestApps.javafx("1.2.0-SNAPSHOT");

        assertThat(app.packageName()).isEqualTo("desktop-java-starter-javafx");
        assertThat(app.displayName()).isEqualTo("Desktop Java Starter (JavaFX)");
        assertThat(app.packageVersion()).isEqualTo("1.2.0");
        assertThat(app.artifactName(io.desktopstarter.contract.PackageFormat.TAR_GZ))
                .isEqualTo("desktop-java-starter-javafx-linux-1.2.0-SNAPSHOT-x64.tar.gz");
        assertThat(app.manifestName()).isEqualTo("desktop-java-starter-javafx-linux-1.2.0-SNAPSHOT-sha256.txt");
    }
}
