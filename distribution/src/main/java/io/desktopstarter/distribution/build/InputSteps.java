package io.desktopstarter.distribution.build;

import io.desktopstarter.contract.LauncherProperties;
import io.desktopstarter.contract.PackageFormat;
import io.desktopstarter.contract.Platform;
import io.desktopstarter.contract.ShellPackaging;
import io.desktopstarter.distribution.inventory.PackageInventory;
import io.desktopstarter.distribution.linux.LibrarySearchPaths;
import io.desktopstarter.distribution.packaging.AppContent;
import io.desktopstarter.distribution.packaging.JPackager;
import io.desktopstarter.distribution.packaging.JarNatives;
import io.desktopstarter.distribution.packaging.UnpackedNatives;
import io.desktopstarter.distribution.release.ReleaseSigning;
import io.desktopstarter.distribution.release.ReleaseWriter;
import io.desktopstarter.distribution.runtime.ShellRuntime;
import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.foundation.archive.JarModes;
import io.desktopstarter.foundation.files.Trees;
import io.desktopstarter.staging.build.NativeStrip;
import io.desktopstarter.staging.build.StageBuilder;
import io.desktopstarter.staging.manifest.Manifests;
import io.desktopstarter.staging.verify.TreeVerifier;
import io.desktopstarter.staging.verify.VerifyReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The steps before the app image: what jpackage reads, in {@code work/}. */
final class InputSteps {
    private InputSteps() {
    }

    /** The staged backend matches its manifest; each format installs on this OS. */
    static void verify(BuildContext c) throws Exception {
        Path backend = c.settings().backend();
        VerifyReport staged = TreeVerifier.verify(backend, Manifests.read(backend));
        if (!staged.intact()) {
            throw new BuildException("the staged backend at " + backend + " does not match its manifest: " + staged.lines());
        }
        List<PackageFormat> foreign = c.settings().formats().stream().filter(f -> f.os() != c.os()).toList();
        if (!foreign.isEmpty()) {
            throw new BuildException(foreign + " cannot be built on " + c.os().id() + "; this OS builds " + PackageFormat.of(c.os())
                    + " (dist.formats)");
        }
        c.log("staged backend " + staged.checked() + " files intact; shell " + c.shell().id() + ", formats " + c.settings().formats());
    }

    static void releaseKey(BuildContext c) throws Exception {
        Optional<ReleaseSigning> signing = ReleaseSigning.fromEnvironment(c.settings().env(), c.clock());
        c.signing(signing);
        c.log(signing.map(s -> "release key " + s.keyId() + ": artifacts, manifest and update feed will be signed")
                .orElse("UNSIGNED BUILD: no release key (set " + ReleaseSigning.KEY_ENV + " and " + ReleaseSigning.PASSWORD_ENV
                        + "); no signatures, no update feed, no update kit"));
    }

    /** A fresh {@code work/}: the shell jar and its libraries as jpackage's input, and the icon. */
    static void assembleInput(BuildContext c) throws Exception {
        Path jar = c.settings().shellJar();
        Trees.delete(c.settings().work());
        Files.createDirectories(c.input());
        Files.copy(jar, c.input().resolve(jar.getFileName()));
        Trees.copy(jar.resolveSibling("lib"), c.inputLib());
        normalizeOwnJars(c, jar);
        if (c.settings().icon().isPresent()) {
            Files.copy(c.settings().icon().get(), c.icon());
        } else {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry icon = zip.getEntry(c.shell().icon());
                if (icon == null) {
                    throw new BuildException(jar + " has no " + c.shell().icon() + " (shell.icon in its packaging data)");
                }
                try (InputStream in = zip.getInputStream(icon)) {
                    Files.copy(in, c.icon());
                }
            }
        }
        c.log(jar.getFileName() + " + " + count(c.inputLib()) + " libraries; icon " + c.settings().icon().map(Path::toString)
                .orElse(c.shell().icon() + " from the shell"));
    }

    /** The shell jar and the starter's own libraries: their entry modes follow the build's umask until rewritten. */
    private static void normalizeOwnJars(BuildContext c, Path shellJar) throws IOException {
        JarModes.normalize(c.input().resolve(shellJar.getFileName()));
        try (Stream<Path> libs = Files.list(c.inputLib())) {
            for (Path lib : libs.filter(p -> p.getFileName().toString().startsWith(StageBuilder.OWN_JAR_PREFIX)
                    && p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                JarModes.normalize(lib);
            }
        }
    }

    /**
     * Native libraries the shell's jars carry at their root (JavaFX's) moved beside the jars ({@link JarNatives}), so
     * the toolkit loads them from the app instead of copying and hashing them in the user's home on every start;
     * treated as the other natives.
     */
    static void jarNatives(BuildContext c) throws Exception {
        List<Path> libraries = JarNatives.unpack(c.inputLib());
        if (libraries.isEmpty()) {
            c.log("none (no jar carries native libraries at its root)");
            return;
        }
        asLinuxShipsThem(c, c.inputLib());
        long bytes = 0;
        for (Path library : libraries) {
            bytes += Files.size(library);
        }
        c.log(libraries.size() + " libraries moved out of their jars into " + c.input().relativize(c.inputLib()) + "/, " + mb(bytes));
    }

    static void stagedBackend(BuildContext c) throws Exception {
        Trees.copy(c.settings().backend(), c.stagedBackend());
        c.log("app content " + c.content().relativize(c.stagedBackend()) + ", " + mb(Trees.size(c.stagedBackend())));
    }

    /**
     * The shell's natives jar unpacked into app content, then treated as Linux ships natives
     * ({@link #asLinuxShipsThem}).
     */
    static void natives(BuildContext c) throws Exception {
        if (c.shell().natives().isEmpty()) {
            c.log("none (the shell's packaging data names no natives jar)");
            return;
        }
        AppContent natives = UnpackedNatives.unpack(c.shell().natives().get(), c.inputLib(), c.content());
        asLinuxShipsThem(c, natives.dir());
        c.log(c.shell().natives().get().jar() + " unpacked into app content " + natives.dir().getFileName()
                + " (the jar leaves the class path), " + mb(Trees.size(natives.dir())));
    }

    /**
     * Native libraries under {@code tree} as a Linux package ships them: stripped, without library search paths
     * relative to the user's working directory, and not executable. Nothing on other OSes.
     */
    private static void asLinuxShipsThem(BuildContext c, Path tree) throws Exception {
        if (c.os() != Platform.Os.LINUX) {
            return;
        }
        NativeStrip.strip(tree);
        LibrarySearchPaths.dropRelative(tree).forEach(f -> c.log("library search path without '.': " + f.getFileName()));
        UnpackedNatives.librariesNotExecutable(tree);
    }

    /**
     * With a release key, the tiny jar that compiles it into the app (the updater's trust anchor); a rebuild of a
     * published release names the public key instead ({@link ReleaseSigning#PUBLISHED_KEY_ENV}) and gets the same jar.
     */
    static void trustedKeys(BuildContext c) throws Exception {
        Optional<String> keyLine = c.signing().map(ReleaseSigning::publicKeyLine);
        if (keyLine.isEmpty()) {
            keyLine = ReleaseSigning.publishedKeyLine(c.settings().env());
        }
        if (keyLine.isEmpty()) {
            c.log("none (unsigned build: the app will not accept updates)");
            return;
        }
        java.net.URI feed = c.settings().feed().feedUrl();
        ReleaseWriter.writeTrustedKeys(c.inputLib(), c.app().meta().name(), keyLine.get(), feed, c.mtime());
        c.log(c.signing().map(s -> "release key " + s.keyId()).orElse("the published release key (a rebuild, nothing signed)")
                + " and update feed " + feed + " built into the app");
    }

    static void shellRuntime(BuildContext c) throws Exception {
        Path jar = c.input().resolve(c.settings().shellJar().getFileName());
        List<String> modules = ShellRuntime.modules(jar, c.inputLib(), Set.copyOf(c.shell().jlinkExcluded()),
                c.settings().jlink().addModules());
        ShellRuntime.build(modules, c.settings().jlink().options(), c.runtime());
        if (c.os() == Platform.Os.LINUX) {
            NativeStrip.strip(c.runtime());
        }
        c.log(modules.size() + " modules " + modules + ", " + mb(Trees.size(c.runtime())));
    }

    /**
     * The package's SBOM and third-party notices ({@link PackageInventory}), from the shell's and the backend's module
     * SBOMs and the jars, runtimes and natives this package really holds. Places are given from the folder that
     * holds {@code legal/} in the installed app ({@code lib/} on Linux), where the runtime and the backend lie too.
     */
    static void inventory(BuildContext c) throws Exception {
        List<Path> jars = new ArrayList<>();
        for (Path folder : List.of(c.input(), c.inputLib(), c.stagedBackend().resolve("app"))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
            }
        }
        Map<String, Path> runtimes = new TreeMap<>();
        runtimes.put(c.os() == Platform.Os.MACOS ? "runtime/Contents/Home" : "runtime", c.runtime());
        runtimes.put(c.content().relativize(c.stagedBackend()) + "/runtime", c.stagedBackend().resolve("runtime"));
        Map<String, Path> texts = new TreeMap<>();
        for (ShellPackaging.Natives natives : c.shell().natives().stream().toList()) {
            try (Stream<Path> files = Files.list(c.content().resolve(natives.folder()))) {
                files.filter(p -> p.getFileName().toString().toUpperCase(Locale.ROOT).contains("LICENSE")).sorted()
                        .forEach(p -> texts.put(natives.folder() + "/" + p.getFileName(), p));
            }
        }
        int listed = PackageInventory.write(new PackageInventory.Request(c.app().packageName(), c.settings().version(),
                c.settings().app().license(), c.settings().moduleBoms(), jars, runtimes, texts, c.mtime()), c.legal());
        c.log(c.content().relativize(c.legal()) + "/: " + PackageInventory.SBOM + " (" + listed + " components) and "
                + PackageInventory.NOTICES);
    }

    /** The shell's part of the app-image command, for the pom's jpackage execution: main jar and class, app content. */
    static void jpackageArguments(BuildContext c) throws Exception {
        List<AppContent> contents = new ArrayList<>(List.of(new AppContent(c.stagedBackend(), LauncherProperties.BACKEND),
                new AppContent(c.legal(), LauncherProperties.LEGAL)));
        for (ShellPackaging.Natives natives : c.shell().natives().stream().toList()) {
            contents.add(new AppContent(c.content().resolve(natives.folder()), natives.property()));
        }
        List<String> javaOptions = c.settings().feed().policyFile()
                .map(path -> List.of("-D" + LauncherProperties.UPDATE_POLICY_FILE + "=" + path)).orElse(List.of());
        JPackager.writeArguments(c.jpackageArguments(), c.settings().shellJar().getFileName().toString(), c.shell().mainClass(),
                contents, javaOptions);
        c.settings().feed().policyFile().ifPresent(path -> c.log("the launcher reads the update policy from " + path));
        c.log(c.jpackageArguments() + " (main class " + c.shell().mainClass() + ", " + contents.size() + " app content folders)");
    }

    private static long count(Path dir) throws java.io.IOException {
        try (var list = Files.list(dir)) {
            return list.count();
        }
    }

    static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
