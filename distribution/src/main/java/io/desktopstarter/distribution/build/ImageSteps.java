package io.desktopstarter.distribution.build;

import static io.desktopstarter.distribution.build.InputSteps.mb;

import io.desktopstarter.distribution.codesign.PlatformSigning;
import io.desktopstarter.distribution.linux.LinuxRoot;
import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.foundation.files.Trees;
import io.desktopstarter.staging.build.NativeStrip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The steps on the app image the jpackage execution made: finish it for the host, sign its code. */
final class ImageSteps {
    private ImageSteps() {
    }

    /**
     * The image exists where the build expects it; on Linux, inside the packages' file-system root ({@code /opt/<package>},
     * D-025), with jpackage's launcher stripped and the root's menu entry, icon, {@code /usr/bin} link and copyright added.
     */
    static void appImage(BuildContext c) throws Exception {
        Path image = c.image();
        if (!Files.isDirectory(image)) {
            throw new BuildException("no app image at " + image + ": the pom's jpackage execution (app-image) makes it after the"
                    + " inputs part; run the module's build: ./mvnw -pl distribution -am verify");
        }
        switch (c.os()) {
            case LINUX -> {
                LinuxRoot root = c.linuxRoot();
                if (!image.equals(root.image())) {
                    throw new BuildException("on Linux the app image is made inside the packages' root, at " + root.image()
                            + ", not " + image + " (dist.image.dest)");
                }
                NativeStrip.strip(image.resolve("bin"), image.resolve("lib/libapplauncher.so"));
                root.addDesktopIntegration(c.icon(), c.settings().license());
            }
            case WINDOWS, MACOS -> { } // their installers carry the image as it is
        }
        c.log(image + ", " + mb(Trees.size(image)));
    }

    /** Authenticode for the Windows launcher, codesign (and notarization) for the macOS bundle; Linux uses minisign only. */
    static void codeSign(BuildContext c) throws Exception {
        PlatformSigning codesign = new PlatformSigning(c.settings().env(), c::log);
        switch (c.os()) {
            case WINDOWS -> codesign.authenticode(List.of(c.image().resolve(c.app().packageName() + ".exe")));
            case MACOS -> codesign.macApp(c.image(), c.settings().work().resolve("codesign"));
            case LINUX -> c.log("none: Linux packages carry minisign signatures only (DESIGN.md)");
        }
    }
}
