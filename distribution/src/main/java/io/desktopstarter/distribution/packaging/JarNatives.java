package io.desktopstarter.distribution.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Native libraries that jars carry at their root (JavaFX's), moved out beside the jars. JavaFX loads a library
 * straight from the folder of its jars when it is there. Otherwise it copies it out of the jar into
 * {@code ~/.openjfx/cache} on the first start (130 MB) and, on every later start, inflates the library from the jar
 * and MD5s it and its copy to compare them: for WebKit (125 MB) over a second, on the FX thread, before the first page.
 * Unpacked, the libraries are also compressed once by the package (xz) instead of deflated inside a jar first.
 */
public final class JarNatives {
    private static final Pattern LIBRARY = Pattern.compile("[^/]+\\.(so|dll|dylib)");
    /**
     * JavaFX's ffmpeg plugins link one version of the system's libavcodec each and are tried one by one only when
     * media plays through ffmpeg: they stay in their jar, so the package does not depend on an ffmpeg it never needs.
     */
    private static final Pattern STAYS = Pattern.compile("libavplugin.*");

    private JarNatives() {
    }

    /** Moves the root-level native libraries of every jar in {@code folder} beside them; returns the libraries. */
    public static List<Path> unpack(Path folder) throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        List<Path> libraries = new ArrayList<>();
        for (Path jar : jars) {
            libraries.addAll(unpackOne(jar));
        }
        return libraries;
    }

    private static List<Path> unpackOne(Path jar) throws IOException {
        List<Path> moved = new ArrayList<>();
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".natives");
        try (ZipFile zip = ZipFile.builder().setPath(jar).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
            if (entries.stream().noneMatch(JarNatives::moves)) {
                return moved;
            }
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(rewritten)) {
                for (ZipArchiveEntry entry : entries) {
                    if (moves(entry)) {
                        moved.add(extract(zip, entry, jar.resolveSibling(entry.getName())));
                    } else {
                        try (InputStream raw = zip.getRawInputStream(entry)) {
                            out.addRawArchiveEntry(new ZipArchiveEntry(entry), raw);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(rewritten);
            throw new IOException("cannot move the native libraries out of " + jar + ": " + e.getMessage(), e);
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        return moved;
    }

    private static boolean moves(ZipArchiveEntry entry) {
        return !entry.isDirectory() && LIBRARY.matcher(entry.getName()).matches() && !STAYS.matcher(entry.getName()).matches();
    }

    private static Path extract(ZipFile zip, ZipArchiveEntry entry, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new IOException(target.getFileName() + " is in two jars");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target);
        }
        return target;
    }
}
