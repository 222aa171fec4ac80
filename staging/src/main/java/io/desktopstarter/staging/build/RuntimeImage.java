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
        if (compress != null && !compress.isBlank() && !compress.equals("off")) {
            args.addAll(List.of("--compress", compress));
        }
        JdkTools.run("jlink", args);
        Path java = output.resolve("bin").resolve(Platform.current().exe("java"));
        if (!Files.isExecutable(java)) {
            throw new StageException("jlink produced no executable " + java);
        }
        if (defaultCds) {
            dumpDefaultCds(java);
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

    /**
     * The default CDS archives, as jlink's {@code --generate-cds-archive} writes them (with and without compressed
     * oops), but dumped in a fixed environment: that plugin's dump inherits the builder's time zone and JVM options,
     * and an archive dumped in Tokyo differs from one dumped in UTC.
     */
    private static void dumpDefaultCds(Path java) throws StageException {
        HostTools.runBuilt(List.of(java.toString(), "-Xshare:dump"));
        if ("64".equals(System.getProperty("sun.arch.data.model"))) {
            HostTools.runBuilt(List.of(java.toString(), "-XX:-UseCompressedOops", "-Xshare:dump"));
        }
    }
}
