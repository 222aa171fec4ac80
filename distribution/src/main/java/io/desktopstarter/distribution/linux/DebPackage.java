package io.desktopstarter.distribution.linux;

import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.foundation.files.Trees;
import io.desktopstarter.staging.build.HostTools;
import io.desktopstarter.staging.build.StageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A .deb from a {@link LinuxRoot}, built by {@code dpkg-deb} (reproducible: sorted entries, root
 * owner, times clamped to {@code SOURCE_DATE_EPOCH}). No maintainer scripts: the launcher link is a
 * file of the package and the menu and icon caches are refreshed by dpkg triggers.
 */
public final class DebPackage {
    private DebPackage() {
    }

    public static Path build(LinuxRoot root, List<String> depends, Instant mtime, Path out) throws StageException, IOException {
        AppInfo app = root.app();
        Path control = root.root().resolve("DEBIAN");
        List<Path> debOnly = List.of(control, root.root().resolve(root.docDir() + "/changelog.Debian.gz"),
                root.root().resolve("usr/share/lintian"), root.root().resolve("usr/share/man"));
        try {
            root.write(root.docDir() + "/changelog.Debian.gz", gzip(changelog(app, mtime)));
            root.write(manPage(app), gzip(ManPage.of(app, mtime)));
            root.write("usr/share/lintian/overrides/" + app.packageName(), lintianOverrides(app));
            Files.createDirectories(control);
            root.write("DEBIAN/md5sums", md5sums(root));
            root.write("DEBIAN/control", control(app, depends, root.installedKib(control)));
            root.normalize(mtime);
            Files.createDirectories(out.getParent());
            HostTools.run(List.of("dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", root.root().toString(), out.toString()),
                    Map.of("SOURCE_DATE_EPOCH", Long.toString(mtime.getEpochSecond())), "dpkg-dev");
            return out;
        } finally {
            for (Path p : debOnly) {
                Trees.delete(p);
            }
        }
    }

    static String control(AppInfo app, List<String> depends, long installedKib) {
        String longDescription = String.join("\n", app.meta().longDescriptionLines().stream().map(l -> " " + l).toList());
        return String.format(Locale.ROOT, """
                Package: %s
                Version: %s-1
                Section: utils
                Priority: optional
                Architecture: %s
                Maintainer: %s
                Installed-Size: %d
                Depends: %s
                Homepage: %s
                Description: %s
                %s
                """, app.packageName(), app.packageVersion(), app.arch().equals("arm64") ? "arm64" : "amd64",
                app.meta().maintainer(), installedKib, String.join(", ", depends), app.meta().homepage(), app.meta().description(), longDescription);
    }

    private static String changelog(AppInfo app, Instant mtime) {
        return """
                %s (%s-1) unstable; urgency=medium

                  * Release %s.

                 -- %s  %s
                """.formatted(app.packageName(), app.packageVersion(), app.version(), app.meta().maintainer(),
                DateTimeFormatter.RFC_1123_DATE_TIME.format(mtime.atOffset(ZoneOffset.UTC)).replace("GMT", "+0000"));
    }

    /**
     * The checks of Debian's archive that a self-contained desktop app breaks on purpose, each with
     * its reason: the issue asks for /opt, and the jlinked runtime carries the JDK's own copies of
     * zlib, libjpeg, lcms2 and freetype (it does not link the system's).
     */
    private static String lintianOverrides(AppInfo app) {
        String p = app.packageName();
        return """
                # Self-contained app: installed under /opt/%1$s by design (one directory, removable as a whole).
                %1$s: dir-or-file-in-opt [opt/*]
                # The jlinked OpenJDK runtime links its own zlib, libjpeg, lcms2 and freetype.
                %1$s: embedded-library * [opt/%1$s/lib/*]
                """.formatted(p);
    }

    static String manPage(AppInfo app) {
        return "usr/share/man/man1/" + app.packageName() + ".1.gz";
    }

    /** gzip -9n: no name, no time, and the header's "maximum compression" flag, which Debian's checks look for. */
    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = bytes.toByteArray();
        out[8] = 2; // XFL: the header is outside the CRC, so setting it afterwards is safe
        return out;
    }

    private static String md5sums(LinuxRoot root) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> walk = Files.walk(root.root())) {
            for (Path p : walk.sorted().toList()) {
                String relative = root.root().relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !relative.startsWith("DEBIAN/")) {
                    out.append(md5(p)).append("  ").append(relative).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String md5(Path file) throws IOException {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (var in = new java.security.DigestInputStream(Files.newInputStream(file), md5)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
