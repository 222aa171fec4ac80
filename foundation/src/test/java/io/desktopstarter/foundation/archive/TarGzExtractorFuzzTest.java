package io.desktopstarter.foundation.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.desktopstarter.foundation.files.Trees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@link TarGzExtractor#extract} on any archive: it writes only inside the target folder, leaves no
 * link there that leads out, counts the files it wrote, and fails only with {@link IOException}.
 * <p>
 * Inputs are plain {@code .tar} files (readable with {@code tar tvf}); the test fixes each header's
 * checksum, so mutations reach the extractor instead of the checksum check, then gzips the bytes.
 * An input that already starts with the gzip magic is passed as it is. The target folder is five
 * levels below a fresh sandbox, and every level is checked afterwards, so an entry that climbs out
 * with up to five {@code ..} (directly or through links) is seen.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "TarGzExtractor sets POSIX permissions and makes symbolic links; "
        + "on Windows it throws UnsupportedOperationException for every file (a known gap, see the extractor's callers)")
class TarGzExtractorFuzzTest {
    private static final List<String> LEVELS = List.of("l1", "l2", "l3", "l4", "into");
    private static Path base;

    @FuzzTest
    void extract(byte[] input) throws Exception {
        Path sandbox = sandbox();
        Path into = sandbox.resolve(String.join("/", LEVELS));
        try {
            int files;
            try (InputStream archive = new ByteArrayInputStream(gzipped(input))) {
                files = TarGzExtractor.extract(archive, into);
            } catch (IOException refused) {
                files = -1;
            }
            assertNothingOutside(sandbox);
            assertLinksStayInside(into);
            if (files >= 0) {
                assertThat(regularFiles(into)).as("files reported").isEqualTo(files);
            }
        } finally {
            Trees.delete(sandbox);
        }
    }

    private static synchronized Path sandbox() throws IOException {
        if (base == null) {
            base = Files.createTempDirectory("tar-fuzz");
            base.toFile().deleteOnExit();
        }
        Path sandbox = base.resolve("run");
        Files.createDirectories(sandbox.resolve(String.join("/", LEVELS)).getParent());
        return sandbox;
    }

    /** Each level holds only the next one: nothing was written beside the target folder or above it. */
    private static void assertNothingOutside(Path sandbox) throws IOException {
        try (Stream<Path> top = Files.list(base)) {
            assertThat(top).containsExactly(sandbox);
        }
        Path level = sandbox;
        for (String next : LEVELS.subList(0, LEVELS.size() - 1)) {
            try (Stream<Path> children = Files.list(level)) {
                assertThat(children.toList()).as("written outside the target folder").containsExactly(level.resolve(next));
            }
            level = level.resolve(next);
        }
        Path into = level.resolve(LEVELS.getLast());
        try (Stream<Path> children = Files.list(level)) {
            assertThat(children.toList()).as("written beside the target folder").isSubsetOf(List.of(into));
        }
        if (Files.exists(into, LinkOption.NOFOLLOW_LINKS)) {
            assertThat(Files.isSymbolicLink(into)).as("the target folder itself was replaced by a link").isFalse();
        }
    }

    /** Every link resolves inside (or, dangling, points inside as text from its real folder). */
    private static void assertLinksStayInside(Path into) throws IOException {
        if (!Files.isDirectory(into, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path realRoot = into.toRealPath();
        try (Stream<Path> walk = Files.walk(into)) {
            for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
                Path reached = Files.exists(link) ? link.toRealPath()
                        : link.getParent().toRealPath().resolve(Files.readSymbolicLink(link)).normalize();
                assertThat(reached.startsWith(realRoot)).as("%s -> %s leads to %s", link, Files.readSymbolicLink(link), reached)
                        .isTrue();
            }
        } catch (java.nio.file.FileSystemException loop) {
            // A link loop (a -> a) cannot be resolved; it leads nowhere, so nowhere outside.
        }
    }

    private static long regularFiles(Path into) throws IOException {
        try (Stream<Path> walk = Files.walk(into)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).count();
        }
    }

    static byte[] gzipped(byte[] input) throws IOException {
        if (input.length >= 2 && (input[0] & 0xff) == 0x1f && (input[1] & 0xff) == 0x8b) {
            return input;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(withChecksums(input.clone()));
        }
        return out.toByteArray();
    }

    /** Rewrites the checksum of every header it can find (each followed by its size's worth of blocks). */
    static byte[] withChecksums(byte[] tar) {
        for (int at = 0; at + 512 <= tar.length; ) {
            long sum = 0;
            for (int i = 0; i < 512; i++) {
                sum += i >= 148 && i < 156 ? ' ' : tar[at + i] & 0xff;
            }
            if (sum == 8 * ' ') {
                break;
            }
            byte[] checksum = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(checksum, 0, tar, at + 148, 8);
            long size = octal(tar, at + 124, 12);
            if (size < 0 || size > tar.length) {
                break;
            }
            at += 512 + (int) ((size + 511) / 512) * 512;
        }
        return tar;
    }

    private static long octal(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = offset; i < offset + length && bytes[i] != 0 && bytes[i] != ' '; i++) {
            if (bytes[i] < '0' || bytes[i] > '7') {
                return -1;
            }
            value = value * 8 + (bytes[i] - '0');
        }
        return value;
    }
}
