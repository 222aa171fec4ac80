package io.desktopstarter.shell.swing.chromium;

import io.desktopstarter.contract.ShellPackaging;
import io.desktopstarter.foundation.archive.TarGzExtractor;
import io.desktopstarter.foundation.files.Trees;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import me.friwi.jcefmaven.CefBuildInfo;
import me.friwi.jcefmaven.EnumPlatform;
import me.friwi.jcefmaven.UnsupportedPlatformException;

/**
 * Chromium's native files for this platform: a directory that jcefmaven accepts as installed
 * ({@code build_meta.json} + {@code install.lock}). Either shipped pre-extracted by an installer,
 * or extracted once per version from the natives jar on the class path into the app-data cache.
 * Those names and the installer's launcher property are this shell's packaging data
 * ({@link ShellPackaging#RESOURCE}), which the distribution unpacks by.
 * The extraction goes to a scratch directory that is renamed into place when complete, so a killed
 * first start never leaves a half bundle that looks installed.
 */
public final class NativeBundle {
    private NativeBundle() {
    }

    /** The natives as the installer ships them: marker, required file, launcher property. */
    static ShellPackaging.Natives names() throws ChromiumException {
        try {
            return ShellPackaging.fromClassPath(NativeBundle.class.getClassLoader()).natives()
                    .orElseThrow(() -> new java.io.IOException("it describes no natives"));
        } catch (java.io.IOException e) {
            throw new ChromiumException("The Swing shell's packaging data (" + ShellPackaging.RESOURCE + ") is unusable: "
                    + e.getMessage() + ". Rebuild the shell.");
        }
    }

    /** The platform id jcefmaven uses ({@code linux-amd64}); a clear error where Chromium has no build. */
    public static String platform() throws ChromiumException {
        try {
            return EnumPlatform.getCurrentPlatform().getIdentifier();
        } catch (UnsupportedPlatformException e) {
            throw new ChromiumException("The Swing shell's embedded Chromium has no build for " + e.getOsName() + " on "
                    + e.getOsArch() + ". Use the JavaFX shell on this computer (supported: Linux, Windows and macOS"
                    + " on x64 and arm64).");
        }
    }

    /** The Chromium build this shell was compiled against, e.g. {@code jcef-d3de827+cef-146.0.10+…}. */
    public static String releaseTag() throws ChromiumException {
        try {
            return CefBuildInfo.fromClasspath().getReleaseTag();
        } catch (IOException e) {
            throw new ChromiumException("jcef-api's build_meta.json is missing from the class path: " + e.getMessage());
        }
    }

    /**
     * The ready bundle: the installer's (the natives property, {@code desktopstarter.jcef.dir}) when set, else
     * {@code <cacheRoot>/<platform>-<tag>}, extracted now if it is not there yet.
     *
     * @param progress 0..1 while extracting (the first start only)
     */
    public static Path ready(Path cacheRoot, DoubleConsumer progress) throws ChromiumException {
        String platform = platform();
        String tag = releaseTag();
        ShellPackaging.Natives names = names();
        String shipped = System.getProperty(names.property());
        if (shipped != null && !shipped.isBlank()) {
            Path dir = Path.of(shipped);
            if (!installed(dir, names)) {
                throw new ChromiumException("The installed Chromium files in " + dir + " are incomplete ("
                        + names.marker() + " or " + names.requiredFile() + " missing). Reinstall the app.");
            }
            return dir;
        }
        Path dir = cacheRoot.resolve(platform + "-" + safe(tag));
        if (installed(dir, names)) {
            return dir;
        }
        extract(resource(platform, tag), dir, names, progress);
        return dir;
    }

    static boolean installed(Path dir, ShellPackaging.Natives names) {
        return Files.isRegularFile(dir.resolve(names.marker())) && Files.isRegularFile(dir.resolve(names.requiredFile()));
    }

    private static URL resource(String platform, String tag) throws ChromiumException {
        String name = "jcef-natives-" + platform + "-" + tag + ".tar.gz";
        return Optional.ofNullable(NativeBundle.class.getClassLoader().getResource(name))
                .orElseThrow(() -> new ChromiumException("Chromium's native files (" + name + ", from the Maven artifact"
                        + " me.friwi:jcef-natives-" + platform + ") are not on the class path. Nothing is downloaded at"
                        + " run time: add that artifact, or install the app with its installer."));
    }

    private static void extract(URL archive, Path dir, ShellPackaging.Natives names, DoubleConsumer progress)
            throws ChromiumException {
        Path scratch = dir.resolveSibling(dir.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(dir.getParent());
            Trees.delete(scratch);
            URLConnection connection = archive.openConnection();
            try (InputStream in = new ProgressInputStream(connection.getInputStream(), connection.getContentLengthLong(), progress)) {
                TarGzExtractor.extract(in, scratch);
            }
            Files.createFile(scratch.resolve(names.marker()));
            try {
                Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!installed(dir, names)) {
                    throw e;
                }
                Trees.delete(scratch); // another start won the race with the same files
            }
        } catch (IOException e) {
            try {
                Trees.delete(scratch);
            } catch (IOException ignored) {
                // the next start removes it
            }
            throw new ChromiumException("Could not unpack Chromium into " + dir.getParent() + ": " + e.getMessage()
                    + " (it needs about 450 MB of free space once per version)");
        }
    }

    /** The tag names a folder: a character other than letters, digits and {@code ._+-} (a slash, say) cannot leave the cache. */
    private static String safe(String tag) {
        return tag.replaceAll("[^A-Za-z0-9._+-]", "_");
    }

    /** Reports how much of the archive has been read, in steps of 1 %. */
    private static final class ProgressInputStream extends FilterInputStream {
        private final long total;
        private final DoubleConsumer progress;
        private long count;
        private long reportedPercent = -1;

        ProgressInputStream(InputStream in, long total, DoubleConsumer progress) {
            super(in);
            this.total = total;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            advance(b >= 0 ? 1 : 0);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            advance(Math.max(0, n));
            return n;
        }

        private void advance(int n) {
            count += n;
            long percent = total > 0 ? count * 100 / total : -1;
            if (percent != reportedPercent && total > 0) {
                reportedPercent = percent;
                progress.accept(Math.min(1.0, percent / 100.0));
            }
        }
    }
}
