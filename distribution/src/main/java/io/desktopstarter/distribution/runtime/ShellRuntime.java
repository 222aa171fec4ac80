package io.desktopstarter.distribution.runtime;

import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.distribution.tools.JdkTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shell's own jlink runtime: only the JDK modules jdeps finds in the shell and its libraries,
 * without debug info, headers, man pages or launchers (the backend keeps its own {@code bin/java}
 * in the staged tree).
 */
public final class ShellRuntime {
    /** JavaFX 26 ships netscape.javascript in its own jar; the JDK's module would split the package. */
    private static final Set<String> EXCLUDED = Set.of("jdk.jsobject");

    private ShellRuntime() {
    }

    public static List<String> modules(Path mainJar, Path libDir) throws BuildException {
        List<String> jars = new ArrayList<>();
        try (var list = java.nio.file.Files.list(libDir)) {
            list.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> jars.add(p.toString()));
        } catch (java.io.IOException e) {
            throw new BuildException("cannot list " + libDir + ": " + e.getMessage());
        }
        // Every library is analysed, not only what the main jar reaches: JavaFX loads its toolkit by name.
        List<String> args = new ArrayList<>(List.of("--ignore-missing-deps", "--multi-release", "25", "--print-module-deps",
                "--class-path", String.join(java.io.File.pathSeparator, jars), mainJar.toString()));
        args.addAll(jars);
        String out = JdkTool.run("jdeps", args);
        Set<String> modules = new TreeSet<>();
        for (String line : out.strip().split("\\R")) {
            if (!line.isBlank() && !line.startsWith("Warning")) {
                modules.addAll(Arrays.asList(line.strip().split(",")));
            }
        }
        modules.removeAll(EXCLUDED);
        // TLS curves and charsets are loaded by name at run time, where jdeps cannot see them.
        modules.addAll(List.of("jdk.crypto.ec", "jdk.charsets"));
        if (!modules.contains("java.base")) {
            throw new BuildException("jdeps found no modules for " + mainJar + ": " + out.strip());
        }
        return new ArrayList<>(modules);
    }

    public static Path build(List<String> modules, Path output) throws BuildException {
        JdkTool.run("jlink", List.of("--add-modules", String.join(",", modules), "--strip-debug", "--no-header-files",
                "--no-man-pages", "--strip-native-commands", "--output", output.toString()));
        return output;
    }
}
