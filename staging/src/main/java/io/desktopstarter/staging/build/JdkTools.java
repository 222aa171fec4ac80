package io.desktopstarter.staging.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the JDK's tools (jdeps, jlink, jpackage) of the JDK the build runs on, each as its own process with
 * {@link HostTools}' fixed environment. Not in-process: jlink's {@code generate-jli-classes} step wrote different
 * method-handle holder classes inside a build JVM that had already done other work, so the same inputs gave a
 * {@code lib/modules} some bytes longer or shorter from one build to the next.
 */
public final class JdkTools {
    private JdkTools() {
    }

    /** What the tool printed on standard output. */
    public static String run(String tool, List<String> args) throws StageException {
        Path home = Path.of(System.getProperty("java.home"));
        Path program = home.resolve("bin").resolve(isWindows() ? tool + ".exe" : tool);
        if (!Files.isExecutable(program)) {
            throw new StageException(tool + " is not in this Java runtime (" + home + "); building needs a full JDK 25");
        }
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(program.toString());
        command.addAll(args);
        return HostTools.runJdkTool(command, "; it is part of the JDK at " + home);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
