package io.desktopstarter.distribution.release;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.updater.feed.PlatformKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Homebrew cask, Scoop and winget manifests from the release metadata, with the artifacts' real
 * URLs and sha256. Each is written only when its OS's artifact is part of the release.
 */
public final class PackageManagerManifests {
    private PackageManagerManifests() {
    }

    /** File name → content. */
    public static Map<String, String> generate(AppInfo app, String baseUrl, List<Artifact> artifacts) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        String id = app.packageName();
        String shell = app.shell();
        String version = app.version();
        Map<String, String> files = new LinkedHashMap<>();
        Optional<Artifact> dmg = find(artifacts, PackageFormat.DMG);
        dmg.ifPresent(a -> files.put("homebrew/" + id + ".rb", """
                cask "%s" do
                  version "%s"
                  sha256 "%s"

                  url "%s"
                  name "%s (%s)"
                  desc "A local web app as a signed, self-updating desktop program"
                  homepage "%s"

                  app "%s.app"

                  zap trash: "~/Library/Application Support/%s"
                end
                """.formatted(id, version, a.sha256(), base + a.name(), app.meta().name(), shell, app.meta().homepage(),
                app.meta().name(), app.meta().id())));
        Optional<Artifact> msi = find(artifacts, PackageFormat.MSI);
        msi.ifPresent(a -> {
            files.put("scoop/" + id + ".json", """
                    {
                      "version": "%s",
                      "description": "A local web app as a signed, self-updating desktop program",
                      "homepage": "%s",
                      "license": "MIT",
                      "architecture": {
                        "64bit": { "url": "%s", "hash": "%s" }
                      },
                      "shortcuts": [["%s.exe", "%s"]]
                    }
                    """.formatted(version, app.meta().homepage(), base + a.name(), a.sha256(), app.meta().name(), app.meta().name()));
            String pkg = "DesktopStarter.DesktopJavaStarter" + app.shellName();
            files.put("winget/" + pkg + ".yaml", """
                    PackageIdentifier: %s
                    PackageVersion: %s
                    DefaultLocale: en-US
                    ManifestType: version
                    ManifestVersion: 1.6.0
                    """.formatted(pkg, version));
            files.put("winget/" + pkg + ".installer.yaml", """
                    PackageIdentifier: %s
                    PackageVersion: %s
                    InstallerType: wix
                    Scope: user
                    Installers:
                      - Architecture: x64
                        InstallerUrl: %s
                        InstallerSha256: %s
                    ManifestType: installer
                    ManifestVersion: 1.6.0
                    """.formatted(pkg, version, base + a.name(), a.sha256().toUpperCase(java.util.Locale.ROOT)));
            files.put("winget/" + pkg + ".locale.en-US.yaml", """
                    PackageIdentifier: %s
                    PackageVersion: %s
                    PackageLocale: en-US
                    Publisher: %s
                    PackageName: %s (%s)
                    License: MIT
                    ShortDescription: A local web app as a signed, self-updating desktop program
                    ManifestType: defaultLocale
                    ManifestVersion: 1.6.0
                    """.formatted(pkg, version, app.meta().vendor(), app.meta().name(), shell));
        });
        return files;
    }

    private static Optional<Artifact> find(List<Artifact> artifacts, PackageFormat format) {
        return artifacts.stream().filter(a -> a.platform().map(p -> PlatformKey.parse(p).format() == format).orElse(false)).findFirst();
    }
}
