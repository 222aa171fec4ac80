package io.desktopstarter.staging.build;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;

/** Runs JDK tools (jdeps, jlink, jpackage) in-process through {@link ToolProvider}; no shell scripts. */
public final class JdkTools {
    private JdkTools() {
    }

    /** Output of a successful run. */
    public record Result(String out, String err) {
    }

    public static Result run(String tool, List<String> args) throws StageException {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new StageException(
                tool + " is not available in this Java runtime (" + System.getProperty("java.home")
                        + "); building needs a full JDK 25"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (code != 0) {
            throw new StageException(tool + " failed with exit code " + code + ": " + (err.toString() + out).strip());
        }
        return new Result(out.toString(), err.toString());
    }
}
