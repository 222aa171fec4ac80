package io.desktopstarter.distribution.release;

import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.distribution.packaging.AppInfo;
import io.desktopstarter.updater.feed.PlatformKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Homebrew cask, Scoop and winget manifests from the release metadata, with the artifacts' real URLs and sha256. The
 * files are templates in {@code package-managers/} beside this class; what they say about the app (name, vendor,
 * homepage, description, license) is the pom's app metadata. Each is written only when its OS's artifact is part of
 * the release.
 */
public final class PackageManagerManifests {
    private static final String TEMPLATES = "package-managers/";
    /** The publisher part of the winget identifiers: once published it must never change, whatever the vendor is called. */
    static final String WINGET_PUBLISHER = "DesktopStarter";

    private PackageManagerManifests() {
    }

    /** File name → content. */
    public static Map<String, String> generate(AppInfo app, String baseUrl, List<Artifact> artifacts) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        String id = app.packageName();
        Map<String, String> files = new LinkedHashMap<>();
        find(artifacts, PackageFormat.DMG).ifPresent(dmg ->
                files.put("homebrew/" + id + ".rb", TextTemplate.render(TEMPLATES + "homebrew.rb", values(app, base, dmg))));
        find(artifacts, PackageFormat.MSI).ifPresent(msi -> {
            Map<String, String> values = values(app, base, msi);
            files.put("scoop/" + id + ".json", TextTemplate.render(TEMPLATES + "scoop.json", values));
            String winget = values.get("wingetId");
            for (String kind : List.of("", ".installer", ".locale.en-US")) {
                files.put("winget/" + winget + kind + ".yaml", TextTemplate.render(TEMPLATES + "winget" + kind + ".yaml", values));
            }
        });
        return files;
    }

    /** What the templates may ask for. */
    static Map<String, String> values(AppInfo app, String base, Artifact artifact) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("appId", app.meta().id());
        values.put("package", app.packageName());
        values.put("name", app.meta().name());
        values.put("shell", app.shell());
        values.put("vendor", app.meta().vendor());
        values.put("homepage", app.meta().homepage());
        values.put("description", app.meta().description());
        values.put("license", app.meta().license());
        values.put("version", app.version());
        values.put("url", base + artifact.name());
        values.put("sha256", artifact.sha256());
        values.put("sha256Upper", artifact.sha256().toUpperCase(Locale.ROOT));
        // winget identifiers are Publisher.Package in PascalCase: DesktopStarter.DesktopJavaStarterJavaFX
        values.put("wingetId", WINGET_PUBLISHER + "." + pascal(app.meta().name()) + app.shellName());
        return values;
    }

    private static String pascal(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    private static Optional<Artifact> find(List<Artifact> artifacts, PackageFormat format) {
        return artifacts.stream().filter(a -> a.platform().map(p -> PlatformKey.parse(p).format() == format).orElse(false)).findFirst();
    }
}
