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
 * The shell's own jlink runtime: only the JDK modules jdeps finds in the shell and its libraries
 * (the same analysis as the staged backend's), without debug info, headers, man pages or launchers
 * (the backend keeps its own {@code bin/java} in the staged tree).
 */
public final class ShellRuntime {
    /** JavaFX 26 ships netscape.javascript in its own jar; the JDK's module would split the package. */
    private static final Set<String> EXCLUDED = Set.of("jdk.jsobject");

    private ShellRuntime() {
    }

    public static List<String> modules(Path mainJar, Path libDir) throws StageException, IOException {
        List<Path> jars = new ArrayList<>(List.of(mainJar));
        try (Stream<Path> list = Files.list(libDir)) {
            list.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        // Every library is analysed, not only what the main jar reaches: JavaFX loads its toolkit by name.
        Set<String> modules = new TreeSet<>(ModuleAnalyzer.requiredModules(jars, Runtime.version().feature(), EXCLUDED));
        // TLS curves and charsets are loaded by name at run time, where jdeps cannot see them.
        modules.addAll(List.of("jdk.crypto.ec", "jdk.charsets"));
        // The updater trusts the Windows root store (SystemTrust), whose provider only Windows JDKs have.
        if (java.lang.module.ModuleFinder.ofSystem().find("jdk.crypto.mscapi").isPresent()) {
            modules.add("jdk.crypto.mscapi");
        }
        return new ArrayList<>(modules);
    }

    public static Path build(List<String> modules, Path output) throws StageException {
        JdkTools.run("jlink", List.of("--add-modules", String.join(",", modules), "--strip-debug", "--no-header-files",
                "--no-man-pages", "--strip-native-commands", "--output", output.toString()));
        return output;
    }
}
