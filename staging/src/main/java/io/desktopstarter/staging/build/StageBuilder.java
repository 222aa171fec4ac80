package io.desktopstarter.staging.build;

import io.desktopstarter.contract.LaunchEnvironment;
import io.desktopstarter.contract.Platform;
import io.desktopstarter.foundation.archive.JarModes;
import io.desktopstarter.foundation.digest.Sha256;
import io.desktopstarter.foundation.files.Trees;
import io.desktopstarter.staging.manifest.CommandSpec;
import io.desktopstarter.staging.manifest.Manifests;
import io.desktopstarter.staging.manifest.RuntimeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Assembles {@code .stage/backend}: {@code runtime/} (jlink, with the JDK's default CDS archive), {@code app/} (jars,
 * natives) and {@code runtime-manifest.json}, written last so a half-built tree has no manifest. No AOT cache: the
 * launcher records one on the user's machine (D-055), as no two training runs write the same bytes.
 */
public final class StageBuilder {
    /** The file name prefix of every jar this project's reactor builds. */
    public static final String OWN_JAR_PREFIX = "desktop-starter-";

    private final Consumer<String> progress;

    public StageBuilder(Consumer<String> progress) {
        this.progress = progress;
    }

    public RuntimeManifest stage(StageRequest request) throws StageException, IOException {
        long started = System.nanoTime();
        Path out = request.output();
        Trees.delete(out);
        Path app = Files.createDirectories(out.resolve("app"));

        List<Path> jars = copyJars(request, app);
        List<String> jvmOptions = new ArrayList<>(request.jvmOptions());
        for (Path jar : jars) {
            SqliteNatives.relocate(jar, app.resolve("native"), out, request.createdAt()).ifPresent(jvmOptions::addAll);
        }

        List<String> modules = ModuleAnalyzer.requiredModules(jars, Runtime.version().feature(), request.excludedModules());
        progress.accept("jdeps: backend needs " + String.join(",", modules)
                + (request.excludedModules().isEmpty() ? "" : " (excluded: " + request.excludedModules() + ")"));
        RuntimeImage.link(modules, out.resolve("runtime"), request.compress());
        materializeSymlinks(out);
        int stripped = Platform.current().os() == Platform.Os.LINUX ? NativeStrip.strip(out) : 0;
        progress.accept("jlink: runtime image ready (compress=" + request.compress() + ", " + stripped + " native files stripped)");

        String javaPath = "runtime/bin/" + Platform.current().exe("java");
        String classPath = jars.stream().map(j -> "app/" + j.getFileName())
                .collect(Collectors.joining(java.io.File.pathSeparator));
        normalizeTimes(out, request);

        List<String> command = new ArrayList<>();
        command.add(javaPath);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, request.mainClass()));
        CommandSpec backend = new CommandSpec(command);
        RuntimeManifest manifest = new RuntimeManifest(
                RuntimeManifest.SCHEMA_VERSION, request.appId(), request.version(), request.createdAt().toString(),
                backend, backend.plus("--worker"), "/health/", RuntimeManifest.ReadyLine.JSON,
                List.of(LaunchEnvironment.TOKEN), modules, null,
                Sha256.tree(out, RuntimeManifest.FILE_NAME));
        Path manifestFile = out.resolve(RuntimeManifest.FILE_NAME);
        Files.write(manifestFile, Manifests.toBytes(manifest));
        Files.setLastModifiedTime(manifestFile, FileTime.from(request.createdAt()));
        progress.accept(String.format("Staged %d files, %.1f MB, in %.1f s at %s", manifest.files().size(),
                Trees.size(out) / 1e6, (System.nanoTime() - started) / 1e9, out));
        return manifest;
    }

    private static List<Path> copyJars(StageRequest request, Path app) throws IOException, StageException {
        List<Path> sources = new ArrayList<>();
        for (Path source : request.appSources()) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> list = Files.list(source)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(sources::add);
                }
            } else if (Files.isRegularFile(source)) {
                sources.add(source);
            } else {
                throw new StageException("Backend input " + source + " does not exist; build the backend first "
                        + "(./mvnw -pl staging -am package)");
            }
        }
        Path main = sources.stream().filter(p -> p.getFileName().toString().startsWith(request.mainJar()))
                .findFirst().orElseThrow(() -> new StageException("No jar named " + request.mainJar() + "*.jar in "
                        + request.appSources() + "; build the backend first (./mvnw -pl staging -am package)"));
        List<Path> ordered = new ArrayList<>();
        ordered.add(main);
        sources.stream().filter(p -> !p.equals(main)).forEach(ordered::add);
        List<Path> copies = new ArrayList<>();
        for (Path source : ordered) {
            Path target = app.resolve(source.getFileName());
            if (Files.exists(target)) {
                throw new StageException("Two backend jars are named " + source.getFileName());
            }
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            if (builtHere(source.getFileName().toString(), request.mainJar())) {
                JarModes.normalize(target);
            }
            copies.add(target);
        }
        return copies;
    }

    /**
     * Jars this build made (the main jar and the starter's own), whose entry modes follow the build's umask;
     * third-party jars are kept byte for byte as their repository serves them (their digests stay checkable).
     */
    static boolean builtHere(String fileName, String mainJar) {
        return fileName.startsWith(mainJar) || fileName.startsWith(OWN_JAR_PREFIX);
    }

    /**
     * jlink links {@code legal/<module>/*} to java.base's copies. A staged tree of plain files
     * archives, packages and verifies the same way on every OS, so links become copies.
     */
    private static void materializeSymlinks(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
                Path target = link.toRealPath();
                if (!target.startsWith(root.toRealPath())) {
                    throw new IOException("jlink output links outside the staged tree: " + link + " -> " + target);
                }
                Files.delete(link);
                Files.copy(target, link);
            }
        }
    }

    /** One modification time for every file: reproducible archives, and the user's AOT cache keeps matching the jars. */
    private static void normalizeTimes(Path root, StageRequest request) throws IOException {
        FileTime time = FileTime.from(request.createdAt());
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.setLastModifiedTime(p, time);
            }
        }
    }
}
