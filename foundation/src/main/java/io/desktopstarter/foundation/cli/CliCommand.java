package io.desktopstarter.foundation.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Spec;

/**
 * Base of the project's command-line tools (updater, signing): bad input is one {@code error:} line
 * on stderr and exit {@value #BAD_INPUT} — no stack trace, and never a secret, since messages come
 * from our own exceptions. Programming errors (other runtime exceptions) still surface.
 */
public abstract class CliCommand implements Callable<Integer> {
    public static final int BAD_INPUT = 2;

    @Spec
    protected CommandLine.Model.CommandSpec spec;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected int fail(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return BAD_INPUT;
    }

    @Override
    public Integer call() {
        try {
            return run();
        } catch (NoSuchFileException e) {
            return fail("no such file: " + e.getFile());
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                return fail(e.getMessage());
            }
            throw e;
        } catch (Exception e) {
            return fail(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    protected abstract int run() throws Exception;
}
