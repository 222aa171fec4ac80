package io.desktopstarter.distribution.build;

import static io.desktopstarter.distribution.build.InputSteps.mb;

import io.desktopstarter.distribution.inventory.PackageInventory;
import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.contract.Platform;
import io.desktopstarter.distribution.codesign.PlatformSigning;
import io.desktopstarter.distribution.inventory.PackageInventory;
import io.desktopstarter.distribution.linux.DebDependencies;
import io.desktopstarter.distribution.linux.DebPackage;
import io.desktopstarter.distribution.linux.RpmPackage;
import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.distribution.packaging.JPackager;
import io.desktopstarter.distribution.packaging.PortableArchive;
import io.desktopstarter.distribution.release.ReleaseWriter;
import io.desktopstarter.foundation.files.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The steps from the image to the release folder: one installer per format, the release files, the size report. */
final class OutputSteps {
    private OutputSteps() {
    }

    /** Each format from the same image, after its launcher config names the format (the updater's hand-off). */
    static void packageFormats(BuildContext c) throws Exception {
        AppInfo app = c.app();
        Path out = c.settings().out();
        Trees.delete(out);
        Files.createDirectories(out);
        for (PackageFormat format : c.settings().formats()) {
            Path named = out.resolve(app.artifactName(format));
            Path image = JPackager.withFormat(c.image(), format);
            switch (format) {
                case TAR_GZ -> PortableArchive.write(image, app.packageName(), app.version(), c.mtime(), named);
                case DEB -> DebPackage.build(c.linuxRoot(), DebDependencies.of(image, c.shell().debDepends()), c.mtime(), named);
                case RPM -> RpmPackage.build(c.linuxRoot(), c.shell().rpmRequires(), c.mtime(), c.settings().work().resolve("rpm"),
                        named);
                case MSI, EXE, DMG, PKG -> {
                    Files.move(JPackager.installer(format, app, c.settings().installers(), c.settings().license(), image,
                            c.settings().work().resolve("pkg-" + format.id())), named);
                    if (format.os() == Platform.Os.WINDOWS) {
                        new PlatformSigning(c.settings().env(), c::log).authenticode(List.of(named));
                    }
                }
            }
            c.installer(format, named);
            c.log(named.getFileName() + ", " + mb(Files.size(named)));
        }
    }

    /** Checksum manifest, signatures, feed, update kit, release.json, notes, package-manager manifests. */
    static void writeRelease(BuildContext c) throws Exception {
        BuildSettings.Feed feed = c.settings().feed();
        new ReleaseWriter(c.app(), c.settings().out(), feed.baseUrl(), c.signing(), c.clock(), feed.validityDays(), feed.minVersion())
                .write(c.installers(), Map.of(c.legal().resolve(PackageInventory.SBOM), "sbom.cdx.json",
                        c.legal().resolve(PackageInventory.NOTICES), "third-party-notices.txt"), c.settings().work().resolve("kit"))
                .forEach(c::log);
    }

    static void sizeReport(BuildContext c) throws Exception {
        c.log("shell " + c.app().shell());
        for (Map.Entry<PackageFormat, Path> e : c.installers().entrySet()) {
            c.log(String.format("%-8s %10s  %s", e.getKey().id(), mb(Files.size(e.getValue())), e.getValue().getFileName()));
        }
        c.log(String.format("%-8s %10s  (installed app image)", "image", mb(Trees.size(c.image()))));
        c.log(String.format("%-8s %10s  (shell jlink runtime)", "runtime", mb(Trees.size(c.runtime()))));
        c.log(String.format("%-8s %10s  (staged backend)", "backend", mb(Trees.size(c.settings().backend()))));
    }
}
