package io.desktopstarter.distribution.linux;

import io.desktopstarter.distribution.packaging.AppInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The file system an installed Linux package adds, laid out under one root shared by the deb and
 * the rpm: the app image in {@code /opt/<package>}, the launcher linked as {@code /usr/bin/<package>},
 * a menu entry, its icon and the copyright file. Modes and times are normalized, so the packages
 * depend on the inputs only, not on the build machine's umask or clock.
 */
public record LinuxRoot(Path root, AppInfo app) {
    public Path image() {
        return root.resolve("opt").resolve(app.packageName());
    }

    public String installDir() {
        return "/opt/" + app.packageName();
    }

    public String launcherLink() {
        return "usr/bin/" + app.packageName();
    }

    public String desktopFile() {
        return "usr/share/applications/" + app.packageName() + ".desktop";
    }

    public String iconFile() {
        return "usr/share/icons/hicolor/256x256/apps/" + app.packageName() + ".png";
    }

    public String docDir() {
        return "usr/share/doc/" + app.packageName();
    }

    /** Adds everything beside the image (which jpackage has already put in {@link #image()}). */
    public void addDesktopIntegration(Path icon, Path license) throws IOException {
        Path link = root.resolve(launcherLink());
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(installDir(), "bin", app.packageName()));
        write(desktopFile(), """
                [Desktop Entry]
                Type=Application
                Name=%s
                GenericName=Desktop app
                Comment=%s
                Exec=%s/bin/%s
                Icon=%s
                Terminal=false
                Categories=Utility;Development;
                StartupNotify=true
                """.formatted(app.displayName(), app.meta().description(), installDir(), app.packageName(), app.packageName()));
        Path iconTarget = root.resolve(iconFile());
        Files.createDirectories(iconTarget.getParent());
        Files.copy(icon, iconTarget, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        write(docDir() + "/copyright", copyright(Files.readString(license)));
    }

    /** Debian's machine-readable copyright format; the bundled OpenJDK runtime and JavaFX keep their own legal/ files. */
    private String copyright(String licenseText) {
        String indented = licenseText.strip().lines().map(l -> l.isBlank() ? " ." : " " + l).reduce((a, b) -> a + "\n" + b).orElse("");
        return """
                Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
                Upstream-Name: %s
                Source: %s

                Files: *
                Copyright: %s %s
                License: %s
                %s

                Files: opt/%s/lib/runtime/* opt/%s/lib/staged-backend/runtime/*
                Copyright: Oracle and/or its affiliates, and the OpenJDK contributors
                License: GPL-2 with Classpath exception
                 The runtime's own notices are in its legal/ directory.
                 On Debian systems, the GPL-2 is in /usr/share/common-licenses/GPL-2.
                """.formatted(app.meta().id(), app.meta().homepage(), app.meta().copyrightYear(), app.meta().vendor(), app.meta().license(), indented, app.packageName(), app.packageName());
    }

    public void write(String relative, String content) throws IOException {
        write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String relative, byte[] content) throws IOException {
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }

    /** Directories 0755, executables 0755, other files 0644; every entry, links included, at {@code mtime}. */
    public void normalize(Instant mtime) throws IOException {
        FileTime time = FileTime.from(mtime);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!Files.isSymbolicLink(p)) {
                    boolean dirOrExec = Files.isDirectory(p) || Files.isExecutable(p);
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(dirOrExec ? "rwxr-xr-x" : "rw-r--r--"));
                }
                Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(time, time, time);
            }
        }
    }

    /** Installed size in KiB, as dpkg counts it (file sizes rounded up per file, one block per directory or link). */
    public long installedKib(Path... excluded) throws IOException {
        java.util.List<Path> skip = java.util.List.of(excluded);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root) && skip.stream().noneMatch(p::startsWith))
                    .mapToLong(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? (p.toFile().length() + 1023) / 1024 : 1).sum();
        }
    }
}
