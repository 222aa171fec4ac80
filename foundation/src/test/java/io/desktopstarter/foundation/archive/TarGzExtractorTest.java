package io.desktopstarter.foundation.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extractor's refusals: names and links that would land outside the target folder. */
class TarGzExtractorTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "/tmp/evil.txt", "a/../../evil.txt", "link:../../outside", "link:/etc"})
    void hostileArchiveEntriesAreRefused(String entry) throws Exception {
        Path archive = tmp.resolve("hostile.tar.gz");
        try (OutputStream raw = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            if (entry.startsWith("link:")) {
                TarArchiveEntry link = new TarArchiveEntry("app/escape", TarArchiveEntry.LF_SYMLINK);
                link.setLinkName(entry.substring(5));
                tar.putArchiveEntry(link);
            } else {
                TarArchiveEntry file = new TarArchiveEntry(entry, true);
                file.setSize(1);
                tar.putArchiveEntry(file);
                tar.write('x');
            }
            tar.closeArchiveEntry();
        }
        Path into = tmp.resolve("out/inside");

        assertThatThrownBy(() -> TarGzExtractor.extract(archive, into)).isInstanceOf(IOException.class)
                .hasMessageContaining("escape").satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("escapes"),
                        e -> assertThat(e).hasMessageContaining("links outside"));
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
        assertThat(tmp.resolve("out/evil.txt")).doesNotExist();
    }

    /**
     * Links checked one by one as text, each pointing inside, can still chain outside once an earlier
     * link is followed: {@code a -> .} makes {@code a/b -> ..} point at the parent of the root.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "a -> . | a/b -> .. | b/evil.txt",
        "d/ | d/a -> .. | d/e -> a/.. | d/e/evil.txt",
        "d/ | d/a -> .. | e -> n/.. | n -> d/a | e/evil.txt",
        "a -> . | a/b -> .. | b/ | b/evil.txt/",
        "d/ | d/a -> .. | d/e -> a/.."})
    void linksThroughEarlierLinksCannotLeadOutside(String entries) throws Exception {
        Path archive = tmp.resolve("chain.tar.gz");
        try (OutputStream raw = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            for (String entry : entries.split("\\s*\\|\\s*")) {
                if (entry.contains(" -> ")) {
                    TarArchiveEntry link = new TarArchiveEntry(entry.substring(0, entry.indexOf(" -> ")), TarArchiveEntry.LF_SYMLINK);
                    link.setLinkName(entry.substring(entry.indexOf(" -> ") + 4));
                    tar.putArchiveEntry(link);
                } else if (entry.endsWith("/")) {
                    tar.putArchiveEntry(new TarArchiveEntry(entry));
                } else {
                    TarArchiveEntry file = new TarArchiveEntry(entry);
                    file.setSize(1);
                    tar.putArchiveEntry(file);
                    tar.write('x');
                }
                tar.closeArchiveEntry();
            }
        }
        Path into = Files.createDirectories(tmp.resolve("out/inside"));

        assertThatThrownBy(() -> TarGzExtractor.extract(archive, into)).isInstanceOf(IOException.class)
                .hasMessageContaining("outside");
        try (var outside = Files.list(tmp.resolve("out"))) {
            assertThat(outside).containsExactly(into);
        }
    }
}
