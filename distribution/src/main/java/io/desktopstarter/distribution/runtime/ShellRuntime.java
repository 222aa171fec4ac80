package io.desktopstarter.distribution.runtime;

import io.desktopstarter.staging.build.JdkTools;
import io.desktopstarter.staging.build.ModuleAnalyzer;
import io.desktopstarter.staging.build.StageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The shell's own jlink runtime: the JDK modules jdeps finds in the shell and its libraries (the same analysis as
 * the staged backend's), less the ones the shell excludes, plus the ones the app loads by name (pom:
 * {@code dist.jlink.addModules}), linked with the pom's {@code dist.jlink.options}. The backend keeps its own
 * {@code bin/java} in the staged tree, so the options can drop the launchers.
 */
public final class ShellRuntime {
    private ShellRuntime() {
    }

    /**
     * @param excluded modules the shell must not get (its packaging data)
     * @param added    modules loaded by name at run time, where jdeps cannot see them (TLS curves, charsets …)
     */
    public static List<String> modules(Path mainJar, Path libDir, Set<String> excluded, List<String> added)
            throws StageException, IOException {
        List<Path> jars = new ArrayList<>(List.of(mainJar));
        try (Stream<Path> list = Files.list(libDir)) {
            list.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        // Every library is analysed, not only what the main jar reaches: JavaFX loads its toolkit by name.
        Set<String> modules = new TreeSet<>(ModuleAnalyzer.requiredModules(jars, Runtime.version().feature(), excluded));
        modules.addAll(added);
        return new ArrayList<>(modules);
    }

    public static Path build(List<String> modules, List<String> options, Path output) throws StageException {
        List<String> args = new ArrayList<>(List.of("--add-modules", String.join(",", modules)));
        args.addAll(options);
        args.addAll(List.of("--output", output.toString()));
        JdkTools.run("jlink", args);
        return output;
    }
}
