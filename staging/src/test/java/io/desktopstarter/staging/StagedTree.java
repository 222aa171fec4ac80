package io.desktopstarter.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

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
        Path source = path();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /** The JDK running the tests, for fake backends that are not part of the staged tree. */
    public static String testJava() {
        return ProcessHandle.current().info().command().orElseThrow();
    }
}
