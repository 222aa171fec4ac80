package io.desktopstarter.staging.launch;

import io.desktopstarter.contract.LaunchEnvironment;
import io.desktopstarter.contract.Platform;
import io.desktopstarter.staging.manifest.ManifestException;
import io.desktopstarter.staging.manifest.Manifests;
import io.desktopstarter.staging.manifest.RuntimeManifest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the backend comes from: a staged tree (packaged apps) or a module's build output (development). */
public sealed interface BackendSource {
    List<String> serverCommand();

    List<String> workerCommand();

    Path workingDirectory();

    String healthPath();

    /** Value for {@value LaunchEnvironment#MODE}. */
    String mode();

    String describe();

    /** A staged tree described by its {@code runtime-manifest.json}. */
    record Staged(Path root, RuntimeManifest manifest) implements BackendSource {
        @Override
        public List<String> serverCommand() {
            return resolve(manifest.backend().command());
        }

        @Override
        public List<String> workerCommand() {
            return resolve(manifest.worker().command());
        }

        @Override
        public Path workingDirectory() {
            return root;
        }

        @Override
        public String healthPath() {
            return manifest.healthPath();
        }

        @Override
        public String mode() {
            return LaunchEnvironment.PACKAGED;
        }

        @Override
        public String describe() {
            return "staged backend " + manifest.version() + " at " + root;
        }

        /** The executable is resolved against the tree; other arguments resolve through the working directory. */
        private List<String> resolve(List<String> command) {
            List<String> resolved = new ArrayList<>(command);
            Path executable = Path.of(command.getFirst());
            if (!executable.isAbsolute()) {
                resolved.set(0, root.resolve(executable).toString());
            }
            return resolved;
        }
    }

    /** The backend straight from its build output: {@code <target>/<mainJar>*.jar} plus {@code <target>/lib/*.jar}. */
    record Development(Path javaExecutable, List<Path> classPath, String mainClass, Path workingDirectory)
            implements BackendSource {

        public Development {
            classPath = List.copyOf(classPath);
        }

        @Override
        public List<String> serverCommand() {
            String cp = classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            return List.of(javaExecutable.toString(), "-Xlog:disable", "-Xlog:all=warning:stderr",
                    "--enable-native-access=ALL-UNNAMED", "-cp", cp, mainClass);
        }

        @Override
        public List<String> workerCommand() {
            List<String> command = new ArrayList<>(serverCommand());
            command.add("--worker");
            return command;
        }

        @Override
        public String healthPath() {
            return "/health/";
        }

        @Override
        public String mode() {
            return LaunchEnvironment.DEVELOPMENT;
        }

        @Override
        public String describe() {
            return "development backend from " + classPath.getFirst();
        }
    }

    static Staged staged(Path root) throws ManifestException {
        RuntimeManifest manifest = Manifests.read(root);
        Path executable = root.resolve(manifest.backend().command().getFirst());
        if (!Files.isExecutable(executable)) {
            throw new ManifestException("The staged backend's runtime " + executable + " is missing or not executable; "
                    + "the staged tree is incomplete (run the staging verify command)");
        }
        return new Staged(root.toAbsolutePath().normalize(), manifest);
    }

    /**
     * Development source from a Maven {@code target} directory, run with the current JDK. Needs
     * {@code ./mvnw -pl core package}: the jar and {@code lib/} must exist.
     */
    static Development fromBuildOutput(Path target, String mainJarPrefix, String mainClass) throws ManifestException {
        List<Path> classPath = new ArrayList<>();
        try (Stream<Path> files = Files.list(target)) {
            files.filter(p -> p.getFileName().toString().startsWith(mainJarPrefix)
                            && p.getFileName().toString().endsWith(".jar"))
                    .findFirst().ifPresent(classPath::add);
        } catch (IOException e) {
            throw new ManifestException("Cannot read the backend build output " + target + ": " + e.getMessage(), e);
        }
        if (classPath.isEmpty()) {
            throw new ManifestException("No " + mainJarPrefix + "*.jar in " + target + "; run ./mvnw -pl core package first");
        }
        try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
            libs.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(classPath::add);
        } catch (IOException e) {
            throw new ManifestException("No dependency folder " + target.resolve("lib") + "; run ./mvnw -pl core package", e);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", Platform.current().exe("java"));
        return new Development(java, classPath, mainClass, target.toAbsolutePath());
    }
}
