package io.desktopstarter.distribution.publish;

import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.updater.trust.BuiltInKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The release keys exactly as the shipped app has them built in: read from the key jar inside a
 * portable archive of the release, so the publish check verifies with what users' copies will use,
 * not with a key file that could differ.
 */
public final class BuiltInReleaseKeys {
    static final String KEY_JAR = "desktop-starter-release-keys.jar";

    private BuiltInReleaseKeys() {
    }

    /** The keys built into the first portable archive ({@code *.tar.gz}, not a kit) among the builds. */
    public static List<MinisignPublicKey> of(List<ReleasePart> parts) throws IOException, PublishException {
        for (ReleasePart part : parts) {
            List<Path> archives;
            try (Stream<Path> files = Files.list(part.dir())) {
                archives = files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).sorted().toList();
            }
            for (Path archive : archives) {
                Optional<String> text = keysIn(archive);
                if (text.isPresent()) {
                    try {
                        return BuiltInKeys.parse(text.get());
                    } catch (MinisignFormatException e) {
                        throw new PublishException(archive + ": the built-in key list is damaged: " + e.getMessage());
                    }
                }
            }
        }
        throw new PublishException("no portable archive (.tar.gz) with a built-in release key among the builds: an unsigned "
                + "release cannot be published");
    }

    /** The built-in key list inside one portable archive, if it has one. */
    static Optional<String> keysIn(Path archive) throws IOException {
        try (InputStream raw = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && entry.getName().endsWith("/" + KEY_JAR)) {
                    return resource(tar);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> resource(InputStream jarBytes) throws IOException {
        ZipInputStream jar = new ZipInputStream(jarBytes);
        ZipEntry entry;
        while ((entry = jar.getNextEntry()) != null) {
            if (entry.getName().equals(BuiltInKeys.RESOURCE)) {
                return Optional.of(new String(jar.readNBytes(64 * 1024), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
