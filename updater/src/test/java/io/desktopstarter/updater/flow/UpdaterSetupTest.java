package io.desktopstarter.updater.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.updater.install.InstallOutcome;
import io.desktopstarter.updater.install.MacAppInstall;
import io.desktopstarter.updater.install.PackageManagerInstall;
import io.desktopstarter.updater.install.PortableInstall;
import io.desktopstarter.updater.install.WindowsInstallerLaunch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdaterSetupTest {
    @TempDir
    Path tmp;

    @Test
    void theInstallerFollowsThePackageFormat() throws Exception {
        assertThat(UpdaterSetup.installer(PackageFormat.DEB, Optional.empty())).isInstanceOf(PackageManagerInstall.class);
        assertThat(UpdaterSetup.installer(PackageFormat.RPM, Optional.empty())).isInstanceOf(PackageManagerInstall.class);
        assertThat(UpdaterSetup.installer(PackageFormat.MSI, Optional.empty())).isInstanceOf(WindowsInstallerLaunch.class);
        Path bundle = Files.createDirectories(tmp.resolve("Applications/Desktop Java Starter.app/Contents/MacOS"));
        assertThat(UpdaterSetup.installer(PackageFormat.DMG, Optional.of(bundle.resolve("Desktop Java Starter"))))
                .isInstanceOf(MacAppInstall.class);
    }

    @Test
    void aPortableAppIsFoundFromItsLauncherEitherWay() throws Exception {
        Path root = tmp.resolve("app");
        Files.createDirectories(root.resolve("versions/1.0.0/bin"));
        Files.createSymbolicLink(root.resolve("current"), Path.of("versions/1.0.0"));

        assertThat(UpdaterSetup.installer(PackageFormat.TAR_GZ, Optional.of(root.resolve("versions/1.0.0/bin/app"))))
                .isInstanceOf(PortableInstall.class);
        assertThat(UpdaterSetup.installer(PackageFormat.TAR_GZ, Optional.of(root.resolve("current/bin/app"))))
                .isInstanceOf(PortableInstall.class);
        assertThat(UpdaterSetup.installer(PackageFormat.TAR_GZ, Optional.of(tmp.resolve("elsewhere/bin/app"))).install(tmp, "1.1.0"))
                .isInstanceOfSatisfying(InstallOutcome.Failed.class, f -> assertThat(f.reason()).contains("portable"));
    }

    @Test
    void onlyWindowsInstallersNeedTheBackendStoppedFirst() {
        for (PackageFormat format : List.of(PackageFormat.MSI, PackageFormat.EXE)) {
            assertThat(UpdaterSetup.installer(format, Optional.empty()).replacesFilesInUse()).as(format.id()).isTrue();
        }
        for (PackageFormat format : List.of(PackageFormat.DEB, PackageFormat.RPM, PackageFormat.TAR_GZ, PackageFormat.DMG,
                PackageFormat.PKG)) {
            assertThat(UpdaterSetup.installer(format, Optional.empty()).replacesFilesInUse()).as(format.id()).isFalse();
        }
    }

    @Test
    void theLaunchersFormatIsReadAndAnUnknownOneCountsAsThisOssDefault() {
        assertThat(UpdaterSetup.format("deb")).isEqualTo(PackageFormat.DEB);
        assertThat(UpdaterSetup.format("tar.gz")).isEqualTo(PackageFormat.TAR_GZ);
        assertThat(UpdaterSetup.format(null)).isEqualTo(UpdaterSetup.defaultFormat());
        assertThat(UpdaterSetup.format("appimage")).isEqualTo(UpdaterSetup.defaultFormat());
    }

    @Test
    void withoutFeedOrKeysUpdatesAreOff() {
        try (UpdateService service = UpdaterSetup.create("javafx", "1.0.0", tmp, Map.of(), Map.of(), s -> { })) {
            assertThat(service.state()).isInstanceOf(UpdateState.NotConfigured.class);
        }
        try (UpdateService service = UpdaterSetup.create("javafx", "1.0.0", tmp,
                Map.of("DESKTOP_STARTER_UPDATE_FEED", "https://u.example/latest.json"), Map.of(), s -> { })) {
            assertThat(service.state()).isInstanceOfSatisfying(UpdateState.NotConfigured.class,
                    s -> assertThat(s.reason()).contains("public key"));
        }
    }
}
