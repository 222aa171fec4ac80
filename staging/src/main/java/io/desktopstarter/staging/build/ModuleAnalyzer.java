package io.desktopstarter.staging.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Asks jdeps which JDK modules a set of class-path jars needs. */
public final class ModuleAnalyzer {
    private ModuleAnalyzer() {
    }

    public static List<String> requiredModules(List<Path> jars, int release, Set<String> excluded) throws StageException {
        String classPath = jars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        List<String> args = new ArrayList<>(List.of(
                "--print-module-deps", "--ignore-missing-deps", "--multi-release", Integer.toString(release),
                "--class-path", classPath));
        jars.forEach(j -> args.add(j.toString()));
        String out = JdkTools.run("jdeps", args).strip();
        String lastLine = out.lines().reduce((a, b) -> b).orElse("");
        Set<String> modules = new TreeSet<>(Arrays.asList(lastLine.split(",")));
        modules.removeIf(String::isBlank);
        if (!modules.contains("java.base")) {
            throw new StageException("jdeps returned no module list: " + out);
        }
        modules.removeAll(excluded);
        return List.copyOf(modules);
    }
}
