package io.desktopstarter.staging.launch;

import io.desktopstarter.foundation.digest.Sha256;
import io.desktopstarter.staging.manifest.RuntimeManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backend's AOT cache, made on this machine (D-055): releases carry none, because no two training runs write the
 * same bytes. The first start of a staged backend records one with {@code -XX:AOTCacheOutput} (the JVM assembles it
 * at exit); later starts use it with {@code -XX:AOTCache}. The file is named after the staged manifest's digest, and the
 * install's folder, so an update, a rebuilt release or a moved install records afresh and never maps a cache made for other jars, and older caches are
 * deleted when a new one is recorded.
 *
 * @param file where the finished cache lives; it is recorded under {@link #recording()} and moved there only after
 *             the server exited cleanly, so a killed assembly never leaves a half-written cache to be used
 */
record AotCache(Path file) {
    static final String FOLDER = "cache/aot";
    private static final String PREFIX = "backend-";
    private static final String SUFFIX = ".aot";
    private static final String RECORD = "-XX:AOTCacheOutput=";

    /** The cache of a staged backend without a shipped cache of its own, in the app-data folder; none otherwise. */
    static Optional<AotCache> of(BackendSource source, Optional<Path> appDataDir) {
        if (!(source instanceof BackendSource.Staged staged) || staged.manifest().aotCache() != null
                || appDataDir.isEmpty()) {
            return Optional.empty(); // development runs and old releases that ship app/app.aot keep their own way
        }
        try {
            // The cache also records the class path's absolute paths: an install moved elsewhere records afresh.
            String manifest = Sha256.hex(staged.root().resolve(RuntimeManifest.FILE_NAME));
            String digest = Sha256.hex((manifest + "\n" + staged.root()).getBytes(StandardCharsets.UTF_8))
                    .substring(0, 16);
            return Optional.of(new AotCache(appDataDir.get().resolve(FOLDER).resolve(PREFIX + digest + SUFFIX)));
        } catch (IOException e) {
            return Optional.empty(); // the launch itself reports an unreadable manifest
        }
    }

    Path recording() {
        return file.resolveSibling(file.getFileName() + ".recording");
    }

    boolean ready() {
        return Files.isRegularFile(file);
    }

    /**
     * The server's command with the cache option after the executable: use the cache, or record it, making its folder
     * and deleting caches of other versions first. Without a writable folder the server runs with no cache at all.
     */
    List<String> server(List<String> command) {
        if (ready()) {
            return with(command, "-XX:AOTCache=" + file);
        }
        try {
            Files.createDirectories(file.getParent());
            deleteOthers();
        } catch (IOException e) {
            return command;
        }
        return with(command, RECORD + recording());
    }

    /** Whether {@code command} (as {@link #server} made it) records a cache. */
    static boolean records(List<String> command) {
        return command.stream().anyMatch(option -> option.startsWith(RECORD));
    }

    /** The worker only reads a finished cache: one recording per start, by the server. */
    List<String> worker(List<String> command) {
        return ready() ? with(command, "-XX:AOTCache=" + file) : command;
    }

    /**
     * After the server ended: a recording it finished with exit 0 becomes the cache. Anything else (a killed server
     * leaves its half-made recording and the JVM's {@code .config} beside it) is deleted.
     */
    void keepRecording(int serverExitCode) {
        Path recording = recording();
        try {
            if (serverExitCode == 0 && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                Files.move(recording, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            deleteOthers();
        } catch (IOException e) {
            // No cache this time; the next start records again.
        }
    }

    private void deleteOthers() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(file.getParent(), PREFIX + "*")) {
            for (Path entry : entries) {
                if (!entry.equals(file)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    private static List<String> with(List<String> command, String option) {
        List<String> withOption = new ArrayList<>(command);
        withOption.add(1, option);
        return withOption;
    }
}
