package io.desktopstarter.signing.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds native code in directories and jars (one level of nesting: jars inside directories). Files
 * named like libraries are reported whatever their header says; other loose files are reported when
 * their header is ELF, Mach-O or PE — executables such as a runtime's {@code bin/java} have no
 * telling name. Inside jars only library names count (a jar's classes are not native code).
 */
public final class NativeScanner {
    private static final int HEAD = 64 * 1024;

    private NativeScanner() {
    }

    public static List<NativeLibrary> scan(List<Path> paths) throws IOException {
        List<NativeLibrary> found = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        scanFile(file, found);
                    }
                }
            } else if (Files.isRegularFile(path)) {
                scanFile(path, found);
            } else {
                throw new java.nio.file.NoSuchFileException(path.toString());
            }
        }
        return found;
    }

    private static void scanFile(Path file, List<NativeLibrary> found) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jar")) {
            scanJar(file, found);
        } else {
            NativeLibrary library;
            try (InputStream in = Files.newInputStream(file)) {
                library = BinaryHeaders.identify(file.toString(), in.readNBytes(HEAD));
            }
            if (isNativeName(name) || library.format() != NativeLibrary.Format.UNKNOWN) {
                found.add(library);
            }
        }
    }

    private static void scanJar(Path jar, List<NativeLibrary> found) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && isNativeName(entry.getName().toLowerCase(Locale.ROOT))) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        found.add(BinaryHeaders.identify(jar + "!/" + entry.getName(), in.readNBytes(HEAD)));
                    }
                }
            }
        }
    }

    static boolean isNativeName(String lowerName) {
        return lowerName.endsWith(".so") || lowerName.matches(".*\\.so\\.\\d+(\\.\\d+)*") || lowerName.endsWith(".dylib")
                || lowerName.endsWith(".jnilib") || lowerName.endsWith(".dll");
    }
}
