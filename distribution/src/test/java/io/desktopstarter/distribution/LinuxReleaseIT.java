package io.desktopstarter.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.staging.manifest.Manifests;
import io.desktopstarter.staging.verify.TreeVerifier;
import io.desktopstarter.testsupport.Required;
import io.desktopstarter.updater.flow.UpdaterSetup;
import io.desktopstarter.updater.install.CommandRunner;
import io.desktopstarter.updater.install.InstallOutcome;
import io.desktopstarter.updater.install.PortableInstall;
import io.desktopstarter.updater.install.SmokeCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The release the build just made in target/release, checked the way a user and a packager would. */
@EnabledOnOs(OS.LINUX)
class LinuxReleaseIT {
    static Path release;
    static String shell;
    static String version;
    static final Pattern SMOKE = Pattern.compile("\\{\"event\":\"smoke\",\"shell\":\"(\\w+)\".*\"first_page_ms\":(\\d+).*}");
    static final Map<String, String> HEADLESS = Map.of("JAVA_TOOL_OPTIONS", "-Dglass.platform=Headless -Dprism.order=sw");

    @TempDir
    Path tmp;

    @BeforeAll
    static void locate() {
        release = Path.of(System.getProperty("release.dir"));
        shell = System.getProperty("shell");
        version = System.getProperty("project.version");
    }

    static Path artifact(String ext) {
        return release.resolve("desktop-java-starter-" + shell + "-linux-" + version + "-x64." + ext);
    }

    @Test
    void theChecksumManifestCoversEveryArtifactAndSha256sumAgrees() throws Exception {
        Path manifest = release.resolve("desktop-java-starter-" + shell + "-linux-" + version + "-sha256.txt");
        assertThat(Files.readAllLines(manifest)).extracting(l -> l.substring(66))
                .contains(artifact("deb").getFileName().toString(), artifact("rpm").getFileName().toString(),
                        artifact("tar.gz").getFileName().toString());
        Required.tool("sha256sum", "coreutils");
        assertThat(Commands.ok(release, Map.of(), "sha256sum", "-c", manifest.getFileName().toString()).output())
                .doesNotContain("FAILED");
        assertThat(release.resolve("release.json")).content().contains("\"sha256\"").contains(artifact("deb").getFileName().toString());
    }

    @Test
    void theDebDescribesItselfAndInstallsUnderOpt() throws Exception {
        Required.tool("dpkg-deb", "dpkg");
        String info = Commands.ok(tmp, Map.of(), "dpkg-deb", "--info", artifact("deb").toString()).output();
        assertThat(info).contains("Package: desktop-java-starter-" + shell).contains("Maintainer: ").contains("Homepage: https://")
                .contains("Depends: ").contains("libgtk-3-0").contains("Description: ");
        String contents = Commands.ok(tmp, Map.of(), "dpkg-deb", "--contents", artifact("deb").toString()).output();
        assertThat(contents).contains("./opt/desktop-java-starter-" + shell + "/bin/desktop-java-starter-" + shell)
                .contains("lib/staged-backend/runtime-manifest.json").contains(".desktop");
        assertThat(info).as("libraries the jlinked runtime links, found in the image").contains("libc6").contains("libasound2");
        Matcher url = Pattern.compile("</description>\\s*(?:<!--.*?-->\\s*)?<url>([^<]+)</url>", Pattern.DOTALL).matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(url.find()).as("the parent pom has a <url>").isTrue();
        assertThat(info).as("the homepage is the parent pom's <url>").contains("Homepage: " + url.group(1) + "\n");
    }

    @Test
    void lintianFindsNoErrorsInTheDeb() throws Exception {
        Required.tool("lintian", "lintian");
        String report = Commands.run(tmp, Map.of(), "lintian", "--tag-display-limit", "0", artifact("deb").toString()).output();
        List<String> tags = report.lines().filter(l -> l.matches("^[EWI]: .*")).toList();
        System.out.println("lintian: " + tags.size() + " tags\n  " + String.join("\n  ", tags.stream()
                .map(l -> l.replaceFirst(" \\[.*", "")).distinct().toList()));
        assertThat(tags).filteredOn(l -> l.startsWith("E: ")).as(report).isEmpty();
    }

    @Test
    void theRpmDescribesItself() throws Exception {
        Required.tool("rpm", "rpm");
        String info = Commands.ok(tmp, Map.of(), "rpm", "-qip", artifact("rpm").toString()).output();
        assertThat(info).contains("desktop-java-starter-" + shell).contains("MIT").contains("https://");
        String files = Commands.ok(tmp, Map.of(), "rpm", "-qlp", artifact("rpm").toString()).output();
        assertThat(files).as("the launcher is on the PATH, as in the deb").contains("/usr/bin/desktop-java-starter-" + shell)
                .contains("/opt/desktop-java-starter-" + shell + "/lib/staged-backend/runtime-manifest.json");
    }

    /** Issue 21: what is inside, as a CycloneDX SBOM and third-party notices, in the package and beside it. */
    @Test
    void theReleaseAndThePackageCarryTheSbomAndTheThirdPartyNotices() throws Exception {
        Path sbomFile = release.resolve("desktop-java-starter-" + shell + "-linux-" + version + "-x64-sbom.cdx.json");
        Path notices = release.resolve("desktop-java-starter-" + shell + "-linux-" + version + "-x64-third-party-notices.txt");
        Path manifest = release.resolve("desktop-java-starter-" + shell + "-linux-" + version + "-sha256.txt");
        assertThat(Files.readString(manifest)).contains(sbomFile.getFileName().toString(), notices.getFileName().toString());
        JsonNode sbom = new ObjectMapper().readTree(sbomFile.toFile());
        List<String> listed = new ArrayList<>();
        sbom.path("components").forEach(c -> listed.add(c.path("name").asText() + "-" + c.path("version").asText()));
        assertThat(listed).as("both jlinked runtimes").filteredOn(n -> n.startsWith("OpenJDK Runtime-")).hasSize(2);

        Required.tool("tar", "tar");
        Path app = extractPortable().resolve("current/lib");
        List<Path> jars = new ArrayList<>();
        for (Path folder : List.of(app.resolve("app"), app.resolve("staged-backend/app"))) {
            try (var files = Files.list(folder)) {
                files.filter(f -> f.toString().endsWith(".jar") && !f.getFileName().toString().startsWith("desktop-starter-release-keys"))
                        .forEach(jars::add);
            }
        }
        assertThat(jars).as("every jar the app ships is in the SBOM").isNotEmpty().allSatisfy(jar -> assertThat(listed)
                .anyMatch(n -> jar.getFileName().toString().startsWith(n)));
        assertThat(app.resolve("legal/sbom.cdx.json")).hasSameBinaryContentAs(sbomFile);
        assertThat(app.resolve("legal/THIRD-PARTY-NOTICES.txt")).hasSameBinaryContentAs(notices);
        assertThat(notices).content().contains("GPL-2.0-only WITH Classpath-exception-2.0", "org.xerial:sqlite-jdbc",
                shell.equals("swing") ? "jcef/LICENSE.txt" : "org.openjfx:javafx-web");
        assertThat(app.resolve("app/desktop-java-starter-" + shell + ".cfg")).content()
                .as("the About dialog finds the notices").contains("-Ddesktopstarter.legal=$APPDIR/../legal");
        Required.tool("dpkg-deb", "dpkg");
        assertThat(Commands.ok(tmp, Map.of(), "dpkg-deb", "--contents", artifact("deb").toString()).output())
                .contains("lib/legal/THIRD-PARTY-NOTICES.txt", "lib/legal/sbom.cdx.json");
    }

    @Test
    void thePortableArchiveRunsWithoutInstallingAndUsesItsOwnBackend() throws Exception {
        Required.tool("tar", "tar");
        Path root = extractPortable();
        assertThat(Files.readSymbolicLink(root.resolve("current")).toString()).isEqualTo("versions/" + version);
        Path backend = root.resolve("current/lib/staged-backend");
        assertIntact(backend);

        Path data = Files.createDirectories(tmp.resolve("xdg"));
        assertSmoke(smoke(data, root.resolve("desktop-java-starter-" + shell).toString()));
        assertThat(data.resolve("desktop-java-starter/app.sqlite3")).exists();
    }

    /**
     * Issue 22: JavaFX finds its libraries (WebKit: 125 MB) beside its jars, so no start copies them into the user's
     * home and none inflates and hashes them again from the jar before the first page.
     */
    @Test
    void theJavaFxShellLoadsItsNativeLibrariesFromTheAppNotFromACopyInHome() throws Exception {
        Assumptions.assumeTrue(shell.equals("javafx"), "JavaFX's libraries; the Swing shell's Chromium is app content already");
        Required.tool("tar", "tar");
        Path root = extractPortable();
        Path lib = root.resolve("current/lib/app/lib");
        assertThat(lib.resolve("libjfxwebkit.so")).isRegularFile();
        try (var jars = Files.newDirectoryStream(lib, "javafx-web-*-linux.jar"); var zip = new java.util.zip.ZipFile(jars.iterator().next().toFile())) {
            assertThat(zip.getEntry("libjfxwebkit.so")).as("WebKit is no longer inside its jar").isNull();
        }
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = new java.util.HashMap<>(env(Files.createDirectories(tmp.resolve("xdg"))));
        env.put("HOME", home.toString());

        assertSmoke(Commands.run(tmp, env, root.resolve("desktop-java-starter-" + shell).toString(), "--smoke"));
        assertThat(home.resolve(".openjfx")).as("no copy of the libraries in the user's home").doesNotExist();
    }

    @Test
    void thePortableArchiveUpdatesAnOlderPortableInstallByTheAtomicSwap() throws Exception {
        Required.tool("tar", "tar");
        Path root = extractPortable();
        // An older install: this image under an older version number, as a user of 0.0.9 has it.
        Files.move(root.resolve("versions/" + version), root.resolve("versions/0.0.9"));
        Files.delete(root.resolve("current"));
        Files.createSymbolicLink(root.resolve("current"), Path.of("versions/0.0.9"));
        String launcher = "bin/desktop-java-starter-" + shell;
        // jpackage.app-path as the running app sees it: the real launcher inside its version folder.
        assertThat(UpdaterSetup.installer(PackageFormat.TAR_GZ, Optional.of(root.resolve("versions/0.0.9").resolve(launcher))))
                .isInstanceOf(PortableInstall.class);
        Path userData = tmp.resolve("user-xdg");
        CommandRunner headless = new CommandRunner() {
            @Override
            public Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
                List<String> wrapped = new ArrayList<>(List.of("env", "JAVA_TOOL_OPTIONS=" + HEADLESS.get("JAVA_TOOL_OPTIONS"),
                        "XDG_DATA_HOME=" + userData));
                if (shell.equals("swing") && System.getenv("DISPLAY") == null) {
                    wrapped.addAll(0, List.of("xvfb-run", "-a"));
                }
                wrapped.addAll(command);
                return SYSTEM.run(wrapped, timeout);
            }

            @Override
            public void launchDetached(List<String> command) {
                throw new UnsupportedOperationException();
            }
        };
        PortableInstall install = new PortableInstall(root, SmokeCheck.launcher(launcher, headless, Duration.ofMinutes(2)), step -> { });

        InstallOutcome outcome = install.install(artifact("tar.gz"), version);

        assertThat(outcome).isEqualTo(new InstallOutcome.Installed(version, root.resolve("versions").resolve(version)));
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(Path.of("versions", version));
        assertThat(root.resolve("versions/0.0.9").resolve(launcher)).as("kept for rollback").isExecutable();
        assertThat(userData).as("the smoke start used a throw-away app-data folder").doesNotExist();
        Path backend = root.resolve("current/lib/staged-backend");
        assertIntact(backend);
        assertSmoke(smoke(Files.createDirectories(tmp.resolve("xdg")), root.resolve("desktop-java-starter-" + shell).toString()));
        assertThat(install.rollBack()).contains("0.0.9");
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(Path.of("versions", "0.0.9"));
    }

    @Test
    void theDebInstallsRunsAndUninstallsKeepingAppData() throws Exception {
        Required.root("install the deb with dpkg -i");
        Required.tool("dpkg", "dpkg");
        String pkg = "desktop-java-starter-" + shell;
        Commands.run(tmp, Map.of(), "dpkg", "--purge", pkg);
        Commands.ok(tmp, Map.of(), "dpkg", "-i", artifact("deb").toString());
        Path data = Files.createDirectories(tmp.resolve("xdg"));
        try {
            Path installed = Path.of("/opt", pkg);
            assertThat(Files.readSymbolicLink(Path.of("/usr/bin", pkg))).isEqualTo(installed.resolve("bin").resolve(pkg));
            Path backend = installed.resolve("lib/staged-backend");
            assertIntact(backend);

            assertSmoke(smoke(data, pkg));
            assertThat(data.resolve("desktop-java-starter/app.sqlite3")).exists();
        } finally {
            Commands.ok(tmp, Map.of(), "dpkg", "-r", pkg);
        }
        assertThat(Path.of("/opt", pkg, "bin")).doesNotExist();
        assertThat(Path.of("/usr/bin", pkg)).doesNotExist();
        assertThat(data.resolve("desktop-java-starter/app.sqlite3")).as("uninstall leaves app data").exists();
    }

    /** The installed launcher in smoke mode; the Swing shell's Chromium needs X, so Xvfb when there is no display. */
    private Commands.Result smoke(Path xdgData, String launcher) throws Exception {
        if (shell.equals("swing") && System.getenv("DISPLAY") == null) {
            return Commands.run(tmp, env(xdgData), "xvfb-run", "-a", launcher, "--smoke");
        }
        return Commands.run(tmp, env(xdgData), launcher, "--smoke");
    }

    private static Map<String, String> env(Path xdgData) {
        return Map.of("JAVA_TOOL_OPTIONS", HEADLESS.get("JAVA_TOOL_OPTIONS"), "XDG_DATA_HOME", xdgData.toString());
    }

    /** The release tar.gz unpacked as a user does; returns its top folder. */
    private Path extractPortable() throws Exception {
        Commands.ok(tmp, Map.of(), "tar", "-xzf", artifact("tar.gz").toString());
        return tmp.resolve("desktop-java-starter-" + shell);
    }

    /** The staged backend matches its manifest's digests, file for file. */
    private static void assertIntact(Path backend) throws Exception {
        assertThat(TreeVerifier.verify(backend, Manifests.read(backend)).intact()).isTrue();
    }

    private static void assertSmoke(Commands.Result smoke) {
        Matcher m = SMOKE.matcher(smoke.output());
        assertThat(smoke.exit()).as(smoke.output()).isZero();
        assertThat(m.find()).as(smoke.output()).isTrue();
        assertThat(m.group(1)).isEqualTo(shell);
        System.out.println("installed smoke: " + m.group());
    }
}
