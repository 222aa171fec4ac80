package io.desktopstarter.distribution.release;

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
    public static Map<String, String> generate(String shell, String version, String baseUrl, List<Artifact> artifacts) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        String id = "desktop-java-starter-" + shell;
        Map<String, String> files = new LinkedHashMap<>();
        Optional<Artifact> dmg = find(artifacts, "macos", "dmg");
        dmg.ifPresent(a -> files.put("homebrew/" + id + ".rb", """
                cask "%s" do
                  version "%s"
                  sha256 "%s"

                  url "%s"
                  name "Desktop Java Starter (%s)"
                  desc "A local web app as a signed, self-updating desktop program"
                  homepage "https://github.com/desktopstarter/desktop-java-starter"

                  app "Desktop Java Starter.app"

                  zap trash: "~/Library/Application Support/desktop-java-starter"
                end
                """.formatted(id, version, a.sha256(), base + a.name(), shell)));
        Optional<Artifact> msi = find(artifacts, "windows", "msi");
        msi.ifPresent(a -> {
            files.put("scoop/" + id + ".json", """
                    {
                      "version": "%s",
                      "description": "A local web app as a signed, self-updating desktop program",
                      "homepage": "https://github.com/desktopstarter/desktop-java-starter",
                      "license": "MIT",
                      "architecture": {
                        "64bit": { "url": "%s", "hash": "%s" }
                      },
                      "shortcuts": [["Desktop Java Starter.exe", "Desktop Java Starter"]]
                    }
                    """.formatted(version, base + a.name(), a.sha256()));
            String pkg = "DesktopStarter.DesktopJavaStarter" + (shell.equals("javafx") ? "JavaFX" : "Swing");
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
                    Publisher: Desktop Java Starter contributors
                    PackageName: Desktop Java Starter (%s)
                    License: MIT
                    ShortDescription: A local web app as a signed, self-updating desktop program
                    ManifestType: defaultLocale
                    ManifestVersion: 1.6.0
                    """.formatted(pkg, version, shell));
        });
        return files;
    }

    private static Optional<Artifact> find(List<Artifact> artifacts, String os, String format) {
        return artifacts.stream().filter(a -> a.platform().map(p -> p.startsWith(os + "-") && p.endsWith("-" + format))
                .orElse(false)).findFirst();
    }
}
