package io.desktopstarter.updater.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Portable installs and release archives in the layout of decision D-020, with a shell-script launcher. */
public final class AppImages {
    public static final String LAUNCHER = "bin/desktop-java-starter-javafx";
    public static final String TOP = "desktop-java-starter-javafx/";

    private AppImages() {
    }

    public static String launcher(String version, boolean works) {
        return "#!/bin/sh\necho \"version " + version + "\"\n" + (works ? "exit 0\n" : "echo 'backend did not start' >&2\nexit 3\n");
    }

    /** An installed portable app at {@code version}. */
    public static Path installed(Path root, String version) throws IOException {
        Path bin = Files.createDirectories(root.resolve("versions").resolve(version).resolve("bin"));
        Path launcher = Files.writeString(bin.resolve("desktop-java-starter-javafx"), launcher(version, true));
        launcher.toFile().setExecutable(true);
        Files.writeString(root.resolve("versions").resolve(version).resolve("VERSION"), version);
        Files.createSymbolicLink(root.resolve("current"), Path.of("versions", version));
        return root;
    }

    /** A release tar.gz as the distribution builds it. */
    public static Path archive(Path file, String version, boolean works) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            String base = TOP + "versions/" + version + "/";
            add(tar, base + LAUNCHER, launcher(version, works), 0755);
            add(tar, base + "VERSION", version, 0644);
            add(tar, base + "lib/app/payload.txt", "x".repeat(100_000), 0644);
            TarArchiveEntry link = new TarArchiveEntry(TOP + "current", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("versions/" + version);
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return file;
    }

    static void add(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(mode);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
