package io.desktopstarter.staging;

import io.desktopstarter.foundation.files.Trees;
import java.io.IOException;
import java.nio.file.Path;

/** The tree Maven staged at package time, and throw-away copies of it for tests that damage it. */
public final class StagedTree {
    private StagedTree() {
    }

    public static Path path() {
        String dir = System.getProperty("stage.dir");
        if (dir == null) {
            throw new IllegalStateException("stage.dir is not set; run these tests through ./mvnw verify");
        }
        return Path.of(dir);
    }

    public static Path copyTo(Path target) throws IOException {
        Trees.copy(path(), target);
        return target;
    }

    /** The JDK running the tests, for fake backends that are not part of the staged tree. */
    public static String testJava() {
        return ProcessHandle.current().info().command().orElseThrow();
    }
}
