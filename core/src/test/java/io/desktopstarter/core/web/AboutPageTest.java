package io.desktopstarter.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.core.support.TestBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The About page's links go to the app's one homepage: the parent pom's {@code <url>}, as the packages say it. */
class AboutPageTest {
    @TempDir
    Path appData;

    @Test
    void theProjectAndReleaseLinksAreThePomsUrl() throws Exception {
        Matcher url = Pattern.compile("</description>\\s*(?:<!--.*?-->\\s*)?<url>([^<]+)</url>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(url.find()).as("the parent pom has a <url>").isTrue();
        String homepage = url.group(1);

        try (TestBackend backend = TestBackend.start(appData)) {
            String page = backend.client().get("/about/").body();

            assertThat(page).contains("id=\"project-home\" href=\"" + homepage + "\"")
                    .contains("id=\"release-notes\" href=\"" + homepage + "/releases\"");
        }
    }
}
