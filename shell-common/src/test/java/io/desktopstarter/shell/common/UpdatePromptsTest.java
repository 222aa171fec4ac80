package io.desktopstarter.shell.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.updater.download.DownloadSettings;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.flow.FeedSource;
import io.desktopstarter.updater.flow.UpdateConfig;
import io.desktopstarter.updater.flow.UpdateService;
import io.desktopstarter.updater.install.InstallOutcome;
import io.desktopstarter.updater.testing.Release;
import io.desktopstarter.updater.testing.TestSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update flow as the user sees it in either shell: which dialogs appear, in what order, and
 * that nothing is installed without a verified update and the user's yes. A real signed kit and the
 * real {@link UpdateService}; only the dialogs and the installer are recorded.
 */
class UpdatePromptsTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    static final String ARTIFACT = "desktop-java-starter-javafx-linux-1.1.0-x64.tar.gz";

    @TempDir
    Path tmp;
    Path kit;
    TestSigner signer = new TestSigner();
    RecordingView view = new RecordingView();
    List<String> actions = new CopyOnWriteArrayList<>();
    InstallOutcome outcome;
    UpdateService service;

    @BeforeEach
    void setUp() throws Exception {
        kit = tmp.resolve("kit");
        Release.write(kit, signer, "1.1.0", "new version ".repeat(1000).getBytes(StandardCharsets.UTF_8),
                "https://updates.example.com/", f -> { });
        view.kitFolder = Optional.of(kit);
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    UpdatePrompts prompts(Optional<FeedSource> feed) throws Exception {
        UpdateConfig config = new UpdateConfig("desktop-java-starter", Optional.of("javafx"), SemanticVersion.parse("1.0.0"),
                PlatformKey.parse(Release.PLATFORM), feed, List.of(signer.publicKey()), tmp.resolve("app-data"),
                DownloadSettings.defaults());
        UpdatePrompts[] prompts = new UpdatePrompts[1];
        service = new UpdateService(config, (file, version) -> {
            actions.add("install " + version + " " + file.getFileName());
            return outcome;
        }, state -> {
            if (prompts[0] != null) {
                prompts[0].onState(state);
            }
        }, NOW);
        prompts[0] = new UpdatePrompts(service, view, () -> actions.add("before install"), () -> actions.add("quit"));
        return prompts[0];
    }

    @Test
    void aVerifiedKitIsInstalledOnlyAfterTheUserAgrees() throws Exception {
        outcome = new InstallOutcome.Installed("1.1.0", tmp.resolve("app/versions/1.1.0"));
        view.answers.add(true);

        prompts(Optional.empty()).installFromKit();

        view.await("info: Version 1.1.0 is installed");
        assertThat(view.lines()).containsExactly(
                "confirm: Version 1.1.0 is ready [Install]",
                "info: Version 1.1.0 is installed");
        assertThat(actions).containsExactly("before install", "install 1.1.0 " + ARTIFACT);
    }

    @Test
    void declinedInstallsNothing() throws Exception {
        view.answers.add(false);

        prompts(Optional.empty()).installFromKit();

        view.await("answered false");
        assertThat(actions).isEmpty();
        assertThat(service.state()).isInstanceOf(io.desktopstarter.updater.flow.UpdateState.ReadyToInstall.class);
    }

    @Test
    void aRejectedKitSaysWhyAndThatNothingChanged() throws Exception {
        Path feed = kit.resolve("latest.json");
        Files.writeString(feed, Files.readString(feed).replace("\"1.1.0\"", "\"1.2.0\""));

        prompts(Optional.empty()).installFromKit();

        String error = view.await("error: The update was not installed");
        assertThat(error).contains("bad-signature").contains("Nothing was changed");
        assertThat(view.lines()).noneMatch(line -> line.startsWith("confirm"));
        assertThat(actions).isEmpty();
    }

    @Test
    void aWindowsInstallerRunsAfterTheBackendStoppedAndThenTheAppQuits() throws Exception {
        outcome = new InstallOutcome.Launched(List.of("msiexec", "/i", ARTIFACT));
        view.answers.add(true);

        prompts(Optional.empty()).installFromKit();

        view.await("answered true");
        awaitAction("quit");
        assertThat(actions).containsExactly("before install", "install 1.1.0 " + ARTIFACT, "quit");
    }

    @Test
    void aVersionThatDidNotStartIsReportedAsRolledBack() throws Exception {
        outcome = new InstallOutcome.RolledBack("1.1.0", "smoke start exited 3: backend did not start");
        view.answers.add(true);

        prompts(Optional.empty()).installFromKit();

        String error = view.await("error: Version 1.1.0 did not start");
        assertThat(error).contains("previous version is active again").contains("backend did not start");
    }

    @Test
    void theStartUpCheckIsSilentWhenUpdatesAreOffButTheMenuSaysWhy() throws Exception {
        UpdatePrompts prompts = prompts(Optional.empty());

        prompts.check(true);
        prompts.check(false);

        String info = view.await("info: Updates are off");
        assertThat(info).contains("DESKTOP_STARTER_UPDATE_FEED");
        assertThat(view.lines()).hasSize(1);
    }

    @Test
    void anAvailableUpdateIsOfferedWithItsNotesAndSizeAndNothingIsDownloadedWhenDeclined() throws Exception {
        view.answers.add(false);

        prompts(Optional.of(new FeedSource.LocalFile(kit.resolve("latest.json")))).check(true);

        String offer = view.await("confirm: Version 1.1.0 is available");
        assertThat(offer).contains("Faster ponies.").contains("Download it now (0.0 MB)").contains("[Download]");
        view.await("answered false");
        assertThat(tmp.resolve("app-data/updates/downloads")).doesNotExist();
        assertThat(view.lines()).noneMatch(line -> line.startsWith("progress"));
    }

    void awaitAction(String action) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!actions.contains(action) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(actions).contains(action);
    }

    /** Dialogs as lines; answers to questions are queued by the test. Runs "UI" work on the calling thread. */
    static final class RecordingView implements PromptView {
        final Deque<Boolean> answers = new ArrayDeque<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        Optional<Path> kitFolder = Optional.empty();

        @Override
        public synchronized void onUi(Runnable action) {
            action.run();
        }

        @Override
        public boolean confirm(String header, String text, String action) {
            events.add("confirm: " + header + " [" + action + "]\n" + text);
            boolean answer = answers.isEmpty() ? false : answers.pop();
            events.add("answered " + answer);
            return answer;
        }

        @Override
        public void info(String header, String text) {
            events.add("info: " + header + "\n" + text);
        }

        @Override
        public void error(String header, String text) {
            events.add("error: " + header + "\n" + text);
        }

        @Override
        public Optional<Path> chooseKitFolder() {
            return kitFolder;
        }

        @Override
        public void showProgress(String header, Runnable onCancel) {
            events.add("progress: " + header);
        }

        @Override
        public void progress(double fraction, String text) {
            events.add("progress " + fraction);
        }

        @Override
        public void closeProgress() {
            events.add("progress closed");
        }

        /** The dialogs shown (first line of each), without the recorded answers. */
        List<String> lines() {
            return events.stream().filter(e -> !e.startsWith("answered")).map(e -> e.lines().findFirst().orElse("")).toList();
        }

        /** Waits for an event starting with {@code prefix} and returns it whole. */
        String await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Optional<String> hit = events.stream().filter(e -> e.startsWith(prefix)).findFirst();
                if (hit.isPresent()) {
                    return hit.get();
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no '" + prefix + "' within 10 s; saw " + events);
        }
    }
}
