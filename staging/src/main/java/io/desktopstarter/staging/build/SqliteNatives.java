package io.desktopstarter.staging.build;

import io.desktopstarter.contract.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * sqlite-jdbc carries its native library for ~25 platforms inside the jar and extracts one to
 * the temp directory at every start (slow, and broken where /tmp is mounted noexec). At staging
 * time we extract the host's library once into {@code app/native/} and drop all native copies
 * from the jar; the backend is pointed at it with {@code org.sqlite.lib.path}.
 */
final class SqliteNatives {
    static final String PREFIX = "org/sqlite/native/";

    private SqliteNatives() {
    }

    /** The JVM options for the extracted library, or empty when {@code jar} is not sqlite-jdbc. */
    static Optional<List<String>> relocate(Path jar, Path nativeDir, Path stageRoot, Instant time)
            throws IOException, StageException {
        String hostDir = hostDir(Platform.current());
        String libraryEntry = null;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            boolean hasNatives = false;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().startsWith(PREFIX)) {
                    hasNatives = true;
                    if (entry.getName().startsWith(hostDir) && !entry.isDirectory()) {
                        libraryEntry = entry.getName();
                    }
                }
            }
            if (!hasNatives) {
                return Optional.empty();
            }
            if (libraryEntry == null) {
                throw new StageException(jar.getFileName() + " has no SQLite native library for this platform ("
                        + hostDir + "); staging must run on the target OS and architecture");
            }
            String libraryName = libraryEntry.substring(hostDir.length());
            Files.createDirectories(nativeDir);
            try (InputStream in = zip.getInputStream(zip.getEntry(libraryEntry))) {
                Files.copy(in, nativeDir.resolve(libraryName), StandardCopyOption.REPLACE_EXISTING);
            }
            Path stripped = jar.resolveSibling(jar.getFileName() + ".tmp");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(stripped))) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (!entry.getName().startsWith(PREFIX)) {
                        copyEntry(zip, entry, out, time);
                    }
                }
            }
            Files.move(stripped, jar, StandardCopyOption.REPLACE_EXISTING);
            String relative = stageRoot.relativize(nativeDir).toString().replace('\\', '/');
            return Optional.of(List.of("-Dorg.sqlite.lib.path=" + relative, "-Dorg.sqlite.lib.name=" + libraryName));
        }
    }

    private static void copyEntry(ZipFile zip, ZipEntry entry, ZipOutputStream out, Instant time) throws IOException {
        ZipEntry copy = new ZipEntry(entry.getName());
        // The DOS time field without a zone: setLastModifiedTime would convert to the build's time zone.
        copy.setTimeLocal(LocalDateTime.ofInstant(time, ZoneOffset.UTC));
        out.putNextEntry(copy);
        if (!entry.isDirectory()) {
            try (InputStream in = zip.getInputStream(entry)) {
                in.transferTo(out);
            }
        }
        out.closeEntry();
    }

    /** sqlite-jdbc's folder for a platform's library, e.g. {@code org/sqlite/native/Linux/x86_64/}. */
    static String hostDir(Platform platform) {
        String os = switch (platform.os()) {
            case LINUX -> "Linux";
            case WINDOWS -> "Windows";
            case MACOS -> "Mac";
        };
        String arch = switch (platform.arch()) {
            case X64 -> "x86_64";
            case ARM64 -> "aarch64";
        };
        return PREFIX + os + "/" + arch + "/";
    }
}
