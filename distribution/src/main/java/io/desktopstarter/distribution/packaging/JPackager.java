package io.desktopstarter.distribution.packaging;

import io.desktopstarter.contract.LauncherProperties;
import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.staging.build.JdkTools;
import io.desktopstarter.staging.build.StageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the build tells jpackage beyond the pom. The app image itself is made by the jpackage-maven-plugin from the
 * pom's settings; its shell-dependent part (main jar and class, the app content folders and their launcher
 * properties, the initial package format) comes from an argument file written here. Each installer is built after
 * its format is written into the image's launcher config (the updater reads it to pick the install hand-off). The
 * Windows/macOS installers are built here with the pom's {@link InstallerOptions}; Linux packages by the
 * {@code linux} package, not by jpackage.
 */
public final class JPackager {
    /** The launcher option that tells the updater which package format it was installed from. */
    private static final String FORMAT_OPTION = "-D" + LauncherProperties.PACKAGE + "=";

    private JPackager() {
    }

    /**
     * The argument file ({@code @file}) the app-image execution adds: main jar and class, each {@link AppContent}
     * with its launcher property, and the portable format until an installer says otherwise.
     */
    public static Path writeArguments(Path argfile, String mainJar, String mainClass, List<AppContent> contents) throws IOException {
        return writeArguments(argfile, mainJar, mainClass, contents, List.of());
    }

    /** As above, plus launcher system properties ({@code -Dname=value}) the build chose, e.g. the update policy's path. */
    public static Path writeArguments(Path argfile, String mainJar, String mainClass, List<AppContent> contents,
            List<String> javaOptions) throws IOException {
        List<String> args = new ArrayList<>(List.of("--main-jar", mainJar, "--main-class", mainClass,
                "--java-options", FORMAT_OPTION + PackageFormat.TAR_GZ.id()));
        for (String option : javaOptions) {
            args.addAll(List.of("--java-options", option));
        }
        for (AppContent content : contents) {
            args.addAll(List.of("--app-content", content.dir().toString(), "--java-options", content.javaOption()));
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < args.size(); i += 2) {
            text.append(args.get(i)).append(' ').append(quoted(args.get(i + 1))).append('\n');
        }
        Files.createDirectories(argfile.getParent());
        return Files.writeString(argfile, text, StandardCharsets.UTF_8);
    }

    /** An argument-file value in double quotes; a backslash or quote inside is escaped (Windows paths). */
    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * Points the image's launcher at a package format ({@code -D}{@value LauncherProperties#PACKAGE}{@code =<format>}) in
     * place: each installer is built from the image in turn, so no 270 MB copy per format is needed.
     */
    public static Path withFormat(Path image, PackageFormat format) throws IOException {
        // lib/app on Linux, app on Windows, Contents/app on macOS
        try (Stream<Path> cfgs = Files.walk(image, 3)) {
            for (Path cfg : cfgs.filter(p -> p.toString().endsWith(".cfg") && p.getParent().getFileName().toString().equals("app")).toList()) {
                Files.writeString(cfg, Files.readString(cfg).replaceAll(Pattern.quote(FORMAT_OPTION) + "\\S+",
                        Matcher.quoteReplacement(FORMAT_OPTION + format.id())));
            }
        }
        return image;
    }

    /** Windows msi/exe and macOS dmg/pkg from the image, on their own hosts. */
    public static Path installer(PackageFormat format, AppInfo app, InstallerOptions options, Path license, Path image, Path dest)
            throws BuildException, StageException, IOException {
        Files.createDirectories(dest);
        List<String> args = new ArrayList<>(List.of("--type", format.id(), "--app-image", image.toString(), "--name", app.packageName(),
                "--app-version", app.packageVersion(), "--vendor", app.meta().vendor(), "--description", app.meta().description(),
                "--about-url", app.meta().homepage(), "--license-file", license.toString(), "--dest", dest.toString()));
        switch (format) {
            case MSI, EXE -> {
                args.addAll(List.of("--win-menu", "--win-menu-group", options.winMenuGroup(), "--win-upgrade-uuid",
                        options.upgradeUuid(app.packageName())));
                flag(args, options.winPerUserInstall(), "--win-per-user-install");
                flag(args, options.winShortcut(), "--win-shortcut");
                flag(args, options.winDirChooser(), "--win-dir-chooser");
            }
            case DMG, PKG -> args.addAll(List.of("--mac-package-identifier", options.macPackageIdentifier(),
                    "--mac-package-name", options.macPackageName()));
            case TAR_GZ, DEB, RPM -> throw new BuildException(format + " is not made by jpackage here (D-020, D-025)");
        }
        JdkTools.run("jpackage", args);
        try (Stream<Path> files = Files.list(dest)) {
            return files.filter(p -> p.toString().endsWith("." + format.id())).findFirst()
                    .orElseThrow(() -> new BuildException("jpackage made no ." + format.id() + " in " + dest));
        }
    }

    private static void flag(List<String> args, boolean on, String flag) {
        if (on) {
            args.add(flag);
        }
    }
}
