package io.desktopstarter.updater.install;

import io.desktopstarter.foundation.archive.TarGzExtractor;
import io.desktopstarter.foundation.files.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Updates a portable (tar.gz) installation by an atomic symbolic-link swap (decision D-020). Layout:
 * <pre>
 * root/current -> versions/1.2.0      the active version; replaced only by rename(2), which is atomic
 * root/versions/1.2.0/                 one complete app image per version
 * root/versions/1.1.0/                 the previous version, kept for rollback
 * </pre>
 * Every step leaves {@code current} pointing at a complete version, so a crash or kill at any point
 * leaves a launchable install; leftovers of an interrupted update are removed by the next one.
 */
public final class PortableInstall implements Installer {
    /** The steps, reported to an observer (tests stop the process between them). */
    public enum Step { CLEANED, EXTRACTED, MOVED_INTO_PLACE, SWITCHED, SMOKE_PASSED, PRUNED }

    /** Observes steps as they finish. */
    @FunctionalInterface
    public interface StepObserver {
        void finished(Step step);
    }

    static final String CURRENT = "current";
    static final String VERSIONS = "versions";
    private static final String INCOMING = ".incoming";
    private static final String NEXT_LINK = ".current.next";

    private final Path root;
    private final SmokeCheck smoke;
    private final StepObserver observer;

    public PortableInstall(Path root, SmokeCheck smoke, StepObserver observer) {
        this.root = root.toAbsolutePath().normalize();
        this.smoke = smoke;
        this.observer = observer;
    }

    /** Whether {@code root} is a portable installation this class can update. */
    public static boolean isPortableLayout(Path root) {
        return Files.isSymbolicLink(root.resolve(CURRENT)) && Files.isDirectory(root.resolve(VERSIONS));
    }

    /** The version {@code current} points at. */
    public static Optional<String> activeVersion(Path root) {
        try {
            Path target = Files.readSymbolicLink(root.resolve(CURRENT));
            return Optional.of(target.getFileName().toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public InstallOutcome install(Path verifiedArtifact, String version) throws IOException, InterruptedException {
        if (!isPortableLayout(root)) {
            return new InstallOutcome.ManualStep(root + " is not an updatable portable installation (no 'current' link);"
                    + " extract the new archive by hand", List.of("tar", "-xzf", verifiedArtifact.toString()));
        }
        if (!version.matches("[0-9A-Za-z.+-]+")) {
            return new InstallOutcome.Failed("unusable version name: " + version);
        }
        Optional<String> previous = activeVersion(root);
        if (previous.isPresent() && previous.get().equals(version)) {
            return new InstallOutcome.Failed("version " + version + " is already active");
        }
        cleanUp();
        observer.finished(Step.CLEANED);

        Path incoming = root.resolve(INCOMING);
        TarGzExtractor.extract(verifiedArtifact, incoming);
        Optional<Path> image = findVersion(incoming, version);
        if (image.isEmpty()) {
            Trees.delete(incoming);
            return new InstallOutcome.Failed("the archive holds no versions/" + version + " directory");
        }
        observer.finished(Step.EXTRACTED);

        Path versionDir = root.resolve(VERSIONS).resolve(version);
        Trees.delete(versionDir);
        Files.move(image.get(), versionDir, StandardCopyOption.ATOMIC_MOVE);
        Trees.delete(incoming);
        observer.finished(Step.MOVED_INTO_PLACE);

        switchTo(version);
        observer.finished(Step.SWITCHED);

        Optional<String> failure = smoke.check(root.resolve(CURRENT));
        if (failure.isPresent()) {
            if (previous.isPresent()) {
                switchTo(previous.get());
            }
            Trees.delete(versionDir);
            return new InstallOutcome.RolledBack(version, failure.get());
        }
        observer.finished(Step.SMOKE_PASSED);

        prune(version, previous);
        observer.finished(Step.PRUNED);
        return new InstallOutcome.Installed(version, root.resolve(VERSIONS).resolve(version));
    }

    /** Rolls back to the kept previous version, if there is one. */
    public Optional<String> rollBack() throws IOException {
        Optional<String> active = activeVersion(root);
        List<String> others = installedVersions().stream().filter(v -> !active.map(v::equals).orElse(false)).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        switchTo(others.getFirst());
        return Optional.of(others.getFirst());
    }

    /** Removes what an interrupted update left behind; never touches the active version. */
    public void cleanUp() throws IOException {
        Trees.delete(root.resolve(INCOMING));
        Files.deleteIfExists(root.resolve(NEXT_LINK));
    }

    /** Points {@code current} at {@code versions/<version>} with one rename over the old link. */
    private void switchTo(String version) throws IOException {
        Path next = root.resolve(NEXT_LINK);
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, Path.of(VERSIONS, version));
        Files.move(next, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void prune(String active, Optional<String> previous) throws IOException {
        for (String version : installedVersions()) {
            if (!version.equals(active) && !previous.map(version::equals).orElse(false)) {
                Trees.delete(root.resolve(VERSIONS).resolve(version));
            }
        }
    }

    private List<String> installedVersions() throws IOException {
        List<String> versions = new ArrayList<>();
        try (Stream<Path> list = Files.list(root.resolve(VERSIONS))) {
            list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> versions.add(p.getFileName().toString()));
        }
        return versions;
    }

    /** The archive's {@code <top>/versions/<version>} (or {@code versions/<version>} at its root). */
    private static Optional<Path> findVersion(Path extracted, String version) throws IOException {
        Path direct = extracted.resolve(VERSIONS).resolve(version);
        if (Files.isDirectory(direct, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(direct);
        }
        try (Stream<Path> tops = Files.list(extracted)) {
            return tops.map(top -> top.resolve(VERSIONS).resolve(version))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).findFirst();
        }
    }
}
