package io.desktopstarter.distribution.packaging;

import io.desktopstarter.contract.LauncherProperties;
import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.staging.build.JdkTools;
import io.desktopstarter.staging.build.StageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * jpackage: one app image (shell jar + libraries under {@code lib/app}, the staged backend and
 * other {@link AppContent} beside it, the shell's jlink runtime) and the Windows/macOS installers from it. Each installer is
 * built after its format is written into the launcher config (the updater reads it to pick the
 * install hand-off). Linux packages are built by the {@code linux} package, not by jpackage.
 */
public final class JPackager {
    /** The launcher option that tells the updater which package format it was installed from. */
    private static final String FORMAT_OPTION = "-D" + LauncherProperties.PACKAGE + "=";

    private final AppInfo app;
    private final Path icon;
    private final Path license;

    public JPackager(AppInfo app, Path icon, Path license) {
        this.app = app;
        this.icon = icon;
        this.license = license;
    }

    public Path appImage(Path input, List<AppContent> contents, String mainJar, String mainClass, Path runtime, Path dest)
            throws StageException, IOException {
        Files.createDirectories(dest);
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", app.packageName(), "--app-version", app.packageVersion(),
                "--input", input.toString(), "--main-jar", mainJar, "--main-class", mainClass, "--runtime-image", runtime.toString(),
                "--icon", icon.toString(), "--vendor", AppInfo.VENDOR, "--description", AppInfo.DESCRIPTION,
                "--copyright", "Copyright 2026 " + AppInfo.VENDOR, "--dest", dest.toString(),
                "--java-options", FORMAT_OPTION + "tar.gz", "--java-options", "--enable-native-access=ALL-UNNAMED"));
        for (AppContent content : contents) {
            args.addAll(List.of("--app-content", content.dir().toString(), "--java-options", content.javaOption()));
        }
        JdkTools.run("jpackage", args);
        // jpackage names the macOS image <name>.app and puts its config under Contents/app.
        return dest.resolve(app.packageName() + (app.os().equals("macos") ? ".app" : ""));
    }

    /**
     * Points the image's launcher at a package format ({@code -D}{@value LauncherProperties#PACKAGE}{@code =<format>}) in
     * place: each installer is built from the image in turn, so no 270 MB copy per format is needed.
     */
    public static Path withFormat(Path image, String format) throws IOException {
        // lib/app on Linux, app on Windows, Contents/app on macOS
        try (Stream<Path> cfgs = Files.walk(image, 3)) {
            for (Path cfg : cfgs.filter(p -> p.toString().endsWith(".cfg") && p.getParent().getFileName().toString().equals("app")).toList()) {
                Files.writeString(cfg, Files.readString(cfg).replaceAll(Pattern.quote(FORMAT_OPTION) + "\\S+",
                        Matcher.quoteReplacement(FORMAT_OPTION + format)));
            }
        }
        return image;
    }

    /** Windows msi/exe (per-user, Start menu, a stable upgrade code) and macOS dmg/pkg, on their own hosts. */
    public Path installer(String type, Path image, Path dest) throws BuildException, StageException, IOException {
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
        JdkTools.run("jpackage", args);
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
