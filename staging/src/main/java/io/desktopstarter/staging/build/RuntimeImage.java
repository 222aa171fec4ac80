package io.desktopstarter.staging.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the jlink image: only the needed modules, {@code bin/java} kept, no debug info, headers or man pages. */
final class RuntimeImage {
    private RuntimeImage() {
    }

    static void link(List<String> modules, Path output, String compress) throws StageException {
        List<String> args = new ArrayList<>(List.of(
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--generate-cds-archive",
                "--output", output.toString()));
        if (compress != null && !compress.isBlank() && !compress.equals("off")) {
            args.addAll(List.of("--compress", compress));
        }
        JdkTools.run("jlink", args);
        Path java = output.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new StageException("jlink produced no executable " + java);
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().contains("win");
    }
}
