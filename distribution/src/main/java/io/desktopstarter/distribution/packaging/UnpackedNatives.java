package io.desktopstarter.distribution.packaging;

import io.desktopstarter.contract.ShellPackaging;
import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.foundation.archive.TarGzExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A shell's natives, unpacked at build time as its packaging data describes them ({@link ShellPackaging.Natives}):
 * the natives jar (an archive inside a jar, e.g. the Swing shell's 148 MB Chromium) leaves the class path and its
 * files go into the app as a ready folder, so installed apps never unpack anything into the user's app data and the
 * package carries one copy only.
 */
public final class UnpackedNatives {
    private UnpackedNatives() {
    }

    /**
     * Moves the natives out of {@code lib}: unpacked into {@code contentDir/<folder>} with the shell's marker file, the
     * jar deleted.
     *
     * @return the folder and its launcher property
     */
    public static AppContent unpack(ShellPackaging.Natives natives, Path lib, Path contentDir) throws IOException, BuildException {
        if (!natives.archive().endsWith(".tar.gz")) {
            throw new BuildException("the natives archive '" + natives.archive() + "' is not a .tar.gz, the one kind unpacked here");
        }
        PathMatcher jarName = glob(natives.jar());
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(p -> jarName.matches(p.getFileName())).sorted().toList();
        }
        if (jars.size() != 1) {
            throw new BuildException("the shell names one natives jar '" + natives.jar() + "', and " + lib + " has "
                    + (jars.isEmpty() ? "none" : jars.size() + ": " + jars));
        }
        Path jar = jars.getFirst();
        Path into = contentDir.resolve(natives.folder());
        PathMatcher archiveName = glob(natives.archive());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Optional<? extends ZipEntry> archive = zip.stream().filter(e -> archiveName.matches(Path.of(e.getName()).getFileName())).findFirst();
            if (archive.isEmpty()) {
                throw new BuildException(jar + " holds no " + natives.archive());
            }
            try (InputStream in = zip.getInputStream(archive.get())) {
                TarGzExtractor.extract(in, into);
            }
        }
        if (!Files.isRegularFile(into.resolve(natives.requiredFile()))) {
            throw new BuildException("the natives from " + jar + " have no " + natives.requiredFile());
        }
        Files.createFile(into.resolve(natives.marker()));
        Files.delete(jar);
        return new AppContent(into, natives.property());
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

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }
}
