package io.desktopstarter.updater.flow;

import io.desktopstarter.updater.download.DownloadException;
import io.desktopstarter.updater.download.DownloadOutcome;
import io.desktopstarter.updater.download.Downloader;
import io.desktopstarter.updater.feed.PlatformEntry;
import io.desktopstarter.updater.install.InstallOutcome;
import io.desktopstarter.updater.install.Installer;
import io.desktopstarter.updater.kit.UpdateKit;
import io.desktopstarter.updater.policy.ArtifactCheck;
import io.desktopstarter.updater.policy.Rejection;
import io.desktopstarter.updater.policy.UpdateDecision;
import io.desktopstarter.updater.store.UpdateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The update state machine the shells drive: check → (prompt) → download → verify → (prompt) →
 * install. Every step runs on one background virtual thread, in order, so a check never blocks app
 * start and two steps never race; each transition is reported to the listener (shells marshal it
 * onto their UI thread). The shell decides when to move on; this class decides whether it may.
 */
public final class UpdateService implements AutoCloseable {
    private final UpdateConfig config;
    private final Installer installer;
    private final Consumer<UpdateState> listener;
    private final UpdateStore store;
    private final UpdateCheck check;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("updater").factory());
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile UpdateState state;
    private volatile Pending pending;

    private record Pending(UpdateCheck.Result result, UpdateDecision.Available available) {
    }

    public UpdateService(UpdateConfig config, Installer installer, Consumer<UpdateState> listener, Clock clock) {
        this.config = config;
        this.installer = installer;
        this.listener = listener;
        this.clock = clock;
        this.store = new UpdateStore(config.appDataDir());
        this.check = new UpdateCheck(config.builtInKeys(), config.download().urls(), Optional.of(store), clock);
        this.state = config.notConfiguredReason().<UpdateState>map(UpdateState.NotConfigured::new)
                .orElse(new UpdateState.UpToDate(config.installed().toString()));
    }

    public UpdateState state() {
        return state;
    }

    public boolean configured() {
        return config.notConfiguredReason().isEmpty();
    }

    public CompletableFuture<UpdateState> check() {
        return submit(this::doCheck);
    }

    /** Downloads and verifies the update the last check found. */
    public CompletableFuture<UpdateState> download() {
        return submit(this::doDownload);
    }

    /** Checks an update kit directory (File > Install Update from File…) with the same rules. */
    public CompletableFuture<UpdateState> openKit(Path kitDir) {
        return submit(() -> {
            UpdateKit.Verdict verdict = UpdateKit.verify(kitDir, check, config.installation(), clock);
            return switch (verdict) {
                case UpdateKit.Verdict.Rejected(Rejection rejection) -> UpdateState.Failed.of(rejection);
                case UpdateKit.Verdict.Accepted accepted -> {
                    emit(new UpdateState.Verified(accepted.version()));
                    yield new UpdateState.ReadyToInstall(accepted.version(), accepted.artifact());
                }
            };
        });
    }

    /** Installs a verified update; call after the user agreed (and, for Windows, after the backend stopped). */
    public CompletableFuture<UpdateState> install() {
        return submit(() -> {
            if (!(state instanceof UpdateState.ReadyToInstall(String version, Path artifact))) {
                return UpdateState.Failed.of("nothing is ready to install");
            }
            emit(new UpdateState.Installing(version));
            InstallOutcome outcome = installer.install(artifact, version);
            // A download is worth nothing once installed or refused by its smoke start, and is 100+ MB; a kit's file is
            // the user's. A started installer still reads it, and a manual step's instructions name it.
            boolean spent = !(outcome instanceof InstallOutcome.Launched || outcome instanceof InstallOutcome.ManualStep);
            if (spent && artifact.toAbsolutePath().getParent().equals(store.downloads().toAbsolutePath())) {
                Files.deleteIfExists(artifact);
            }
            return new UpdateState.Finished(outcome);
        });
    }

    /** Whether the shell must stop its backend before {@link #install()} (Windows installers). */
    public boolean installReplacesFilesInUse() {
        return installer.replacesFilesInUse();
    }

    /** Stops a running download at the next block; its bytes are kept for a later resume. */
    public void cancel() {
        cancelled.set(true);
    }

    private UpdateState doCheck() throws Exception {
        Optional<String> off = config.notConfiguredReason();
        if (off.isPresent()) {
            return new UpdateState.NotConfigured(off.get());
        }
        emit(new UpdateState.Checking());
        UpdateCheck.Documents documents;
        try (Downloader downloader = new Downloader(config.download())) {
            documents = config.feed().orElseThrow().fetch(downloader);
        } catch (DownloadException e) {
            return switch (e) {
                case DownloadException.Refused refused -> UpdateState.Failed.of(refused.rejection());
                case DownloadException.Failed failed -> UpdateState.Failed.of("could not check for updates: " + failed.getMessage());
            };
        }
        UpdateCheck.Result result = check.check(documents, config.installation());
        return switch (result.decision()) {
            case UpdateDecision.Rejected(Rejection rejection) -> UpdateState.Failed.of(rejection);
            case UpdateDecision.UpToDate upToDate -> new UpdateState.UpToDate(config.installed().toString());
            case UpdateDecision.Available available -> {
                pending = new Pending(result, available);
                yield new UpdateState.Available(available.feed().version().toString(), available.feed().notes(),
                        available.entry().size());
            }
        };
    }

    private UpdateState doDownload() throws Exception {
        Pending current = pending;
        if (current == null) {
            return UpdateState.Failed.of("no update to download; check first");
        }
        cancelled.set(false);
        PlatformEntry entry = current.available().entry();
        String version = current.available().feed().version().toString();
        Created created = new Created(!Files.exists(store.directory()), !Files.exists(store.downloads()));
        Path part = store.downloads().resolve(entry.fileName() + ".part");
        DownloadOutcome outcome;
        try (Downloader downloader = new Downloader(config.download())) {
            outcome = downloader.download(entry.url(), entry.size(), part,
                    progress -> emit(new UpdateState.Downloading(progress)), cancelled::get);
        }
        switch (outcome) {
            case DownloadOutcome.Rejected(Rejection rejection) -> {
                discard(part, created);
                return UpdateState.Failed.of(rejection);
            }
            case DownloadOutcome.Failed(String message, boolean resumable) -> {
                if (!resumable) {
                    discard(part, created);
                }
                return UpdateState.Failed.of(message + (resumable ? " (will resume)" : ""));
            }
            case DownloadOutcome.Completed completed -> {
                // Nothing else touches the file before this check passes.
            }
        }
        Optional<Rejection> problem = new ArtifactCheck(current.result().ring()).check(part, entry, clock.instant());
        if (problem.isPresent()) {
            discard(part, created);
            return UpdateState.Failed.of(problem.get());
        }
        Path verified = Files.move(part, part.resolveSibling(entry.fileName()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        emit(new UpdateState.Verified(version));
        return new UpdateState.ReadyToInstall(version, verified);
    }

    /** Removes a rejected download, and the directories this download created, so app-data is as before. */
    private void discard(Path part, Created created) throws IOException {
        Files.deleteIfExists(part);
        if (created.downloads()) {
            Files.deleteIfExists(store.downloads());
        }
        if (created.store()) {
            Files.deleteIfExists(store.directory());
        }
    }

    private record Created(boolean store, boolean downloads) {
    }

    private interface Step {
        UpdateState run() throws Exception;
    }

    private CompletableFuture<UpdateState> submit(Step step) {
        return CompletableFuture.supplyAsync(() -> {
            UpdateState next;
            try {
                next = step.run();
            } catch (IOException e) {
                next = UpdateState.Failed.of("update failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next = UpdateState.Failed.of("update interrupted");
            } catch (Exception e) {
                next = UpdateState.Failed.of("update failed: " + e);
            }
            emit(next);
            return next;
        }, worker);
    }

    private void emit(UpdateState next) {
        state = next;
        listener.accept(next);
    }

    @Override
    public void close() {
        cancelled.set(true);
        worker.shutdownNow();
    }
}
