package io.desktopstarter.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.LauncherProperties;
import io.desktopstarter.distribution.linux.DebDependencies;
import io.desktopstarter.distribution.linux.DebPackage;
import io.desktopstarter.distribution.linux.LinuxRoot;
import io.desktopstarter.distribution.linux.RpmPackage;
import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.testsupport.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** deb and rpm from a small app image: byte-identical whatever the file times, modes and creation order; metadata a packager checks. */
@EnabledOnOs(OS.LINUX)
class LinuxPackagesTest {
    static final Instant RELEASED = Instant.parse("2026-11-23T00:00:00Z");
    static final AppInfo APP = TestApps.javafx("1.2.3");

    @TempDir
    Path tmp;

    @Test
    void twoBuildsFromDifferentlyAgedCopiesGiveIdenticalDebs() throws Exception {
        Required.tool("dpkg-deb", "dpkg");
        Required.tool("objdump", "binutils");
        Path first = deb(root(tmp.resolve("a"), false), tmp.resolve("a.deb"));
        Path second = deb(root(tmp.resolve("b"), true), tmp.resolve("b.deb"));
        assertThat(Files.mismatch(first, second)).as("the two debs differ").isEqualTo(-1L);

        String contents = Commands.ok(tmp, Map.of(), "dpkg-deb", "--contents", first.toString()).output();
        assertThat(contents).contains("root/root").doesNotContain("rwx------")
                .contains("./usr/bin/desktop-java-starter-javafx -> /opt/desktop-java-starter-javafx/bin/desktop-java-starter-javafx")
                .contains("./usr/share/applications/desktop-java-starter-javafx.desktop")
                .contains("./usr/share/doc/desktop-java-starter-javafx/copyright")
                .contains("./usr/share/man/man1/desktop-java-starter-javafx.1.gz")
                .contains("2026-11-23 00:00");
        String depends = Commands.ok(tmp, Map.of(), "dpkg-deb", "-f", first.toString(), "Depends").output();
        assertThat(depends).as("libc6 from the ELF launcher, GTK named by the shell").contains("libc6").contains("libgtk-3-0");
    }

    @Test
    void twoBuildsFromDifferentlyAgedCopiesGiveIdenticalRpms() throws Exception {
        Required.tool("rpmbuild", "rpm");
        Path first = RpmPackage.build(root(tmp.resolve("a"), false), List.of("gtk3"), RELEASED, tmp.resolve("wa"), tmp.resolve("a.rpm"));
        Path second = RpmPackage.build(root(tmp.resolve("b"), true), List.of("gtk3"), RELEASED, tmp.resolve("wb"), tmp.resolve("b.rpm"));
        assertThat(Files.mismatch(first, second)).as("the two rpms differ").isEqualTo(-1L);

        String info = Commands.ok(tmp, Map.of(), "rpm", "-qp", "--qf", "%{NAME} %{VERSION} %{BUILDTIME} %{BUILDHOST} %{LICENSE}\\n",
                first.toString()).output();
        assertThat(info).contains("desktop-java-starter-javafx 1.2.3 " + RELEASED.getEpochSecond() + " reproducible MIT");
        assertThat(Commands.ok(tmp, Map.of(), "rpm", "-qlp", first.toString()).output())
                .contains("/usr/bin/desktop-java-starter-javafx", "/usr/share/applications/desktop-java-starter-javafx.desktop",
                        "/opt/desktop-java-starter-javafx/bin/desktop-java-starter-javafx");
        assertThat(Commands.ok(tmp, Map.of(), "rpm", "-qp", "--requires", first.toString()).output()).contains("gtk3");
    }

    private Path deb(LinuxRoot root, Path out) throws Exception {
        return DebPackage.build(root, DebDependencies.of(root.image(), List.of("libgtk-3-0")), RELEASED, out);
    }

    /** A tiny app image (a real ELF launcher, a config file) plus the desktop files; {@code scrambled} varies times, modes, order. */
    private LinuxRoot root(Path dir, boolean scrambled) throws Exception {
        LinuxRoot root = new LinuxRoot(dir, APP);
        Path image = root.image();
        List<String> files = scrambled ? List.of("lib/app/app.cfg", "bin/desktop-java-starter-javafx")
                : List.of("bin/desktop-java-starter-javafx", "lib/app/app.cfg");
        for (String name : files) {
            Path file = image.resolve(name);
            Files.createDirectories(file.getParent());
            if (name.startsWith("bin/")) {
                Files.copy(Path.of("/bin/true"), file);
            } else {
                Files.writeString(file, "[JavaOptions]\njava-options=-D" + LauncherProperties.PACKAGE + "=deb\n");
            }
            if (scrambled) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2031-01-01T12:34:56Z")));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(name.startsWith("bin/") ? "rwx------" : "rw-------"));
                Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
            }
        }
        Path license = Files.writeString(tmp.resolve("LICENSE-" + dir.getFileName()), "MIT License\n\nPermission is hereby granted.\n");
        Path icon = Files.write(tmp.resolve("icon-" + dir.getFileName() + ".png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        root.addDesktopIntegration(icon, license);
        return root;
    }
}
