package io.desktopstarter.distribution.linux;

import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.foundation.files.Trees;
import io.desktopstarter.staging.build.HostTools;
import io.desktopstarter.staging.build.StageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An .rpm from the same {@link LinuxRoot} as the deb, built by {@code rpmbuild -bb} with the root
 * as build root (no %install step copies anything). Reproducible through rpm's own switches: build
 * time and file times from {@code SOURCE_DATE_EPOCH}, a fixed build host, xz on two threads (a fixed thread count: the block layout is part of the bytes).
 * Requirements are named, not generated: rpm's generator would also advertise the libraries of the
 * bundled runtime as provided by this package.
 */
public final class RpmPackage {
    private RpmPackage() {
    }

    public static Path build(LinuxRoot root, List<String> requires, Instant mtime, Path work, Path out) throws StageException, IOException {
        AppInfo app = root.app();
        Trees.delete(work);
        Files.createDirectories(work);
        Path spec = work.resolve(app.packageName() + ".spec");
        Files.writeString(spec, spec(root, requires));
        root.normalize(mtime);
        String epoch = Long.toString(mtime.getEpochSecond());
        List<String> command = new ArrayList<>(List.of("rpmbuild", "-bb", "--quiet", "--noclean", "--target", rpmArch(app) + "-linux",
                "--buildroot", root.root().toAbsolutePath().toString()));
        for (String[] macro : new String[][] {
                {"_topdir", work.toAbsolutePath().toString()},
                {"_rpmdir", work.resolve("out").toAbsolutePath().toString()},
                {"_rpmfilename", "%{NAME}.rpm"},
                {"_buildhost", "reproducible"},
                {"source_date_epoch_from_changelog", "0"},
                {"use_source_date_epoch_as_buildtime", "1"},
                {"clamp_mtime_to_source_date_epoch", "1"},
                {"_binary_payload", "w6T2.xzdio"},
                {"_build_id_links", "none"},
                {"debug_package", "%{nil}"},
                {"__os_install_post", "%{nil}"}}) {
            command.addAll(List.of("--define", macro[0] + " " + macro[1]));
        }
        command.add(spec.toAbsolutePath().toString());
        HostTools.run(command, Map.of("SOURCE_DATE_EPOCH", epoch, "HOME", work.toAbsolutePath().toString()), "rpm");
        Path built = work.resolve("out").resolve(app.packageName() + ".rpm");
        Files.createDirectories(out.getParent());
        return Files.move(built, out, StandardCopyOption.REPLACE_EXISTING);
    }

    static String spec(LinuxRoot root, List<String> requires) {
        AppInfo app = root.app();
        return """
                Name: %s
                Version: %s
                Release: 1
                Summary: %s
                License: %s and GPL-2.0-only WITH Classpath-exception-2.0
                URL: %s
                Vendor: %s
                Packager: %s
                Group: Applications/Productivity
                AutoReqProv: no
                Requires: %s

                %%description
                %s

                %%files
                %%defattr(-,root,root,-)
                %s
                /%s
                /%s
                /%s
                %%doc /%s/copyright
                """.formatted(app.packageName(), app.packageVersion(), app.meta().description(), app.meta().license(), app.meta().homepage(), app.meta().vendor(),
                app.meta().maintainer(), String.join(", ", requires), String.join("\n", app.meta().longDescriptionLines()), root.installDir(),
                root.launcherLink(), root.desktopFile(), root.iconFile(), root.docDir());
    }

    private static String rpmArch(AppInfo app) {
        return app.arch().equals("arm64") ? "aarch64" : "x86_64";
    }
}
