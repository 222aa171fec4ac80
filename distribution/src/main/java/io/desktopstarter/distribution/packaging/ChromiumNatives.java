package io.desktopstarter.distribution.packaging;

import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.foundation.archive.TarGzExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Swing shell's Chromium, unpacked at build time: the natives jar (a {@code .tar.gz} inside a
 * jar, 148 MB) leaves the class path and its files go into the app as a ready bundle, so installed
 * apps never unpack anything into the user's app-data and the package carries one copy only.
 */
public final class ChromiumNatives {
    /** The folder name inside the app's content. */
    public static final String FOLDER = "jcef";

    private ChromiumNatives() {
    }

    /**
     * Moves the natives out of {@code lib}: unpacked into {@code into} (with jcefmaven's
     * {@code install.lock}), the jar deleted. Empty when the shell has no natives jar (JavaFX).
     */
    public static Optional<Path> unpack(Path lib, Path into) throws IOException, BuildException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(p -> p.getFileName().toString().startsWith("jcef-natives-")).sorted().toList();
        }
        if (jars.isEmpty()) {
            return Optional.empty();
        }
        if (jars.size() > 1) {
            throw new BuildException("more than one Chromium natives jar in " + lib + ": " + jars);
        }
        try (ZipFile zip = new ZipFile(jars.get(0).toFile())) {
            ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".tar.gz")).findFirst()
                    .orElseThrow(() -> new BuildException(jars.get(0) + " holds no .tar.gz of Chromium files"));
            try (InputStream in = zip.getInputStream(archive)) {
                TarGzExtractor.extract(in, into);
            }
        }
        if (!Files.isRegularFile(into.resolve("build_meta.json"))) {
            throw new BuildException("the Chromium files from " + jars.get(0) + " have no build_meta.json");
        }
        Files.createFile(into.resolve("install.lock"));
        Files.delete(jars.get(0));
        return Optional.of(into);
    }

    /**
     * Shared libraries as Debian ships them, {@code 0644}: the loader maps them without an execute
     * bit, and an executable {@code .so} reads as a program to packaging checks (lintian).
     */
    public static void librariesNotExecutable(Path bundle) throws IOException {
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path lib : files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".+\\.so(\\.\\d+)*")).toList()) {
                Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }
}
