package io.desktopstarter.distribution.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;

/** Runs jdeps, jlink and jpackage in-process through {@link ToolProvider}, with their output kept for errors. */
public final class JdkTool {
    private JdkTool() {
    }

    public static String run(String tool, List<String> args) throws BuildException {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new BuildException(tool
                + " is not in this Java runtime (" + System.getProperty("java.home") + "); the distribution build needs a full JDK 25"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (code != 0) {
            throw new BuildException(tool + " failed (exit " + code + "): " + (err + "\n" + out).strip()
                    + "\n  arguments: " + String.join(" ", args));
        }
        return out.toString();
    }
}
