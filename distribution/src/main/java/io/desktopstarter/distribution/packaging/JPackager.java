package io.desktopstarter.distribution.packaging;

import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.distribution.tools.JdkTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * jpackage: one app image (shell jar + libraries under {@code lib/app}, the staged backend as app
 * content, the shell's jlink runtime), then the host's installers from it, its launcher config
 * switched to each package format in turn (the updater reads it to pick the install hand-off).
 */
public final class JPackager {
    private final AppInfo app;
    private final Path icon;
    private final Path license;
    private final Path resourceDir;

    public JPackager(AppInfo app, Path icon, Path license, Path resourceDir) {
        this.app = app;
        this.icon = icon;
        this.license = license;
        this.resourceDir = resourceDir;
    }

    public Path appImage(Path input, Path appContent, String mainJar, String mainClass, Path runtime, Path dest) throws BuildException, IOException {
        Files.createDirectories(dest);
        JdkTool.run("jpackage", List.of("--type", "app-image", "--name", app.packageName(), "--app-version", app.packageVersion(),
                "--input", input.toString(), "--app-content", appContent.toString(), "--main-jar", mainJar, "--main-class", mainClass, "--runtime-image", runtime.toString(),
                "--icon", icon.toString(), "--vendor", AppInfo.VENDOR, "--description", AppInfo.DESCRIPTION,
                "--copyright", "Copyright 2026 " + AppInfo.VENDOR, "--dest", dest.toString(),
                "--java-options", "-Ddesktopstarter.package=tar.gz", "--java-options", "--enable-native-access=ALL-UNNAMED",
                // The shell finds the backend where we put it; jpackage expands $APPDIR (lib/app) at launch.
                "--java-options", "-Ddesktopstarter.backend=$APPDIR/../" + appContent.getFileName()));
        return dest.resolve(app.packageName());
    }

    /**
     * Points the image's launcher at a package format ({@code -Ddesktopstarter.package=<format>}) in
     * place: each installer is built from the image in turn, so no 270 MB copy per format is needed.
     */
    public static Path withFormat(Path image, String format) throws IOException {
        try (Stream<Path> cfgs = Files.walk(image.resolve("lib/app"), 1)) {
            for (Path cfg : cfgs.filter(p -> p.toString().endsWith(".cfg")).toList()) {
                Files.writeString(cfg, Files.readString(cfg).replaceAll("-Ddesktopstarter\\.package=\\S+",
                        "-Ddesktopstarter.package=" + format));
            }
        }
        return image;
    }

    /** deb or rpm from an app image; installs under /opt/<package>, with menu entry and icon. */
    public Path linuxPackage(String type, Path image, Path dest) throws BuildException, IOException {
        Files.createDirectories(dest);
        List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(), "--name", app.packageName(),
                "--app-version", app.packageVersion(), "--vendor", AppInfo.VENDOR, "--description", AppInfo.DESCRIPTION,
                "--about-url", AppInfo.HOMEPAGE, "--license-file", license.toString(), "--install-dir", "/opt",
                "--linux-package-name", app.packageName(), "--linux-menu-group", "Utility;Development;",
                "--linux-shortcut", "--linux-app-release", "1", "--icon", icon.toString(),
                "--resource-dir", resourceDir.toString(), "--dest", dest.toString(),
                // JavaFX extracts its GTK glass library at run time; jpackage cannot see what it links.
                "--linux-package-deps", type.equals("deb") ? "libgtk-3-0, libxtst6, libgl1" : "gtk3, libXtst, mesa-libGL"));
        if (type.equals("deb")) {
            args.addAll(List.of("--linux-deb-maintainer", AppInfo.MAINTAINER.replaceAll(".*<|>.*", ""), "--linux-app-category", "utils"));
        } else {
            args.addAll(List.of("--linux-rpm-license-type", "MIT", "--linux-app-category", "Applications/Productivity"));
        }
        JdkTool.run("jpackage", args);
        try (Stream<Path> files = Files.list(dest)) {
            return files.filter(p -> p.toString().endsWith("." + type)).findFirst()
                    .orElseThrow(() -> new BuildException("jpackage made no ." + type + " in " + dest));
        }
    }

    /** Windows msi/exe (per-user, Start menu, a stable upgrade code) and macOS dmg/pkg, on their own hosts. */
    public Path installer(String type, Path image, Path dest) throws BuildException, IOException {
        Files.createDirectories(dest);
        List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(), "--name", app.packageName(),
                "--app-version", app.packageVersion(), "--vendor", AppInfo.VENDOR, "--description", AppInfo.DESCRIPTION,
                "--about-url", AppInfo.HOMEPAGE, "--license-file", license.toString(), "--dest", dest.toString()));
        switch (type) {
            case "msi", "exe" -> args.addAll(List.of("--win-per-user-install", "--win-menu", "--win-menu-group",
                    AppInfo.DISPLAY_NAME, "--win-shortcut", "--win-dir-chooser", "--win-upgrade-uuid", upgradeUuid()));
            case "dmg", "pkg" -> args.addAll(List.of("--mac-package-identifier", "io.desktopstarter." + app.shell(),
                    "--mac-package-name", AppInfo.DISPLAY_NAME));
            default -> throw new BuildException("unknown installer type " + type);
        }
        JdkTool.run("jpackage", args);
        try (Stream<Path> files = Files.list(dest)) {
            return files.filter(p -> p.toString().endsWith("." + type)).findFirst()
                    .orElseThrow(() -> new BuildException("jpackage made no ." + type + " in " + dest));
        }
    }

    /** Derived from the package name only, so every version of one shell upgrades the previous one. */
    String upgradeUuid() {
        return java.util.UUID.nameUUIDFromBytes(("io.desktopstarter:" + app.packageName())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
