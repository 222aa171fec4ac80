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

    /** The image, with the JDK's default CDS archive: the first start, before the user's AOT cache exists, uses it. */
    static void link(List<String> modules, Path output, String compress) throws StageException {
        List<String> args = new ArrayList<>(List.of(
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--output", output.toString()));
        if (compress != null && !compress.isBlank() && !compress.equals("off")) {
            args.addAll(List.of("--compress", compress));
        }
        JdkTools.run("jlink", args);
        Path java = output.resolve("bin").resolve(Platform.current().exe("java"));
        if (!Files.isExecutable(java)) {
            throw new StageException("jlink produced no executable " + java);
        }
        dumpDefaultCds(java);
        // The backend is started with bin/java only; keytool, jwebserver and friends are dead weight.
        try (java.util.stream.Stream<Path> tools = Files.list(output.resolve("bin"))) {
            for (Path tool : tools.filter(p -> !p.equals(java) && !p.getFileName().toString().endsWith(".dll")).toList()) {
                Files.delete(tool);
            }
        } catch (java.io.IOException e) {
            throw new StageException("cannot trim " + output.resolve("bin") + ": " + e.getMessage());
        }
    }

    /**
     * The default CDS archive, as jlink's {@code --generate-cds-archive} writes it, but dumped in a fixed environment:
     * that plugin's dump inherits the builder's time zone and JVM options, and an archive dumped in Tokyo differs from
     * one dumped in UTC. Only the one with compressed oops: the backend never runs with a heap of 32 GB or more, which
     * is all the second one (another 14 MB) would be for.
     */
    private static void dumpDefaultCds(Path java) throws StageException {
        HostTools.runBuilt(List.of(java.toString(), "-Xshare:dump"));
    }
}
