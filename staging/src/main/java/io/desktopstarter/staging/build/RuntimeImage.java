package io.desktopstarter.staging.build;

import io.desktopstarter.contract.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the jlink image: only the needed modules, {@code bin/java} kept, no debug info, headers or man pages. */
final class RuntimeImage {
    private RuntimeImage() {
    }

    /**
     * @param defaultCds also write the JDK's default CDS archives (~28 MB); pointless when the
     *                   backend runs with its own AOT cache, which already holds those classes
     */
    static void link(List<String> modules, Path output, String compress, boolean defaultCds) throws StageException {
        List<String> args = new ArrayList<>(List.of(
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--output", output.toString()));
        if (defaultCds) {
            args.add("--generate-cds-archive");
        }
        if (compress != null && !compress.isBlank() && !compress.equals("off")) {
            args.addAll(List.of("--compress", compress));
        }
        JdkTools.run("jlink", args);
        Path java = output.resolve("bin").resolve(Platform.current().exe("java"));
        if (!Files.isExecutable(java)) {
            throw new StageException("jlink produced no executable " + java);
        }
        // The backend is started with bin/java only; keytool, jwebserver and friends are dead weight.
        try (java.util.stream.Stream<Path> tools = Files.list(output.resolve("bin"))) {
            for (Path tool : tools.filter(p -> !p.equals(java) && !p.getFileName().toString().endsWith(".dll")).toList()) {
                Files.delete(tool);
            }
        } catch (java.io.IOException e) {
            throw new StageException("cannot trim " + output.resolve("bin") + ": " + e.getMessage());
        }
    }
}
