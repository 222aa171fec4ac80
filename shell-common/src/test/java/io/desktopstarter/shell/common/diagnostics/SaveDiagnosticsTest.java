package io.desktopstarter.shell.common.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Save Diagnostics flow as either shell runs it: the suggested file, the outcome dialogs. */
class SaveDiagnosticsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    /** Records what the user would see; the save dialog answers with {@link #answer}. */
    static final class RecordingView implements SaveDiagnostics.View {
        final BlockingQueue<String> shown = new LinkedBlockingQueue<>();
        Optional<Path> answer = Optional.empty();

        @Override
        public void onUi(Runnable action) {
            action.run();
        }

        @Override
        public Optional<Path> chooseSaveTarget(String title, Path folder, String fileName) {
            shown.add("save dialog: " + title + " in " + folder + " as " + fileName);
            return answer;
        }

        @Override
        public void info(String header, String text) {
            shown.add("info: " + header + ": " + text);
        }

        @Override
        public void error(String header, String text) {
            shown.add("error: " + header + ": " + text);
        }
    }

    SaveDiagnostics flow(RecordingView view) throws Exception {
        Path appData = Files.createDirectories(tmp.resolve("app-data/logs"));
        Files.writeString(appData.resolve("backend.log"), "hello\n");
        Files.createDirectories(tmp.resolve("home/Downloads"));
        return new SaveDiagnostics(() -> new DiagnosticsZip(tmp.resolve("app-data"),
                new DiagnosticsZip.Facts("swing", List.of("Version: 1.0.0"), Optional.empty()), CLOCK),
                view, tmp.resolve("home"), CLOCK);
    }

    @Test
    void suggestsADatedFileInDownloadsAndConfirmsWhereItWent() throws Exception {
        RecordingView view = new RecordingView();
        Path target = tmp.resolve("home/Downloads/desktop-java-starter-diagnostics-2026-11-23.zip");
        view.answer = Optional.of(target);

        flow(view).run();

        assertThat(view.shown.poll(10, TimeUnit.SECONDS)).isEqualTo("save dialog: Save Diagnostics in "
                + tmp.resolve("home/Downloads") + " as desktop-java-starter-diagnostics-2026-11-23.zip");
        assertThat(view.shown.poll(10, TimeUnit.SECONDS)).startsWith("info: Diagnostics saved: Saved to " + target);
        assertThat(DiagnosticsZipTest.read(target)).containsKey("logs/backend.log");
    }

    @Test
    void cancellingTheDialogWritesNothing() throws Exception {
        RecordingView view = new RecordingView();

        flow(view).run();

        assertThat(view.shown.poll(10, TimeUnit.SECONDS)).startsWith("save dialog:");
        assertThat(view.shown.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(tmp.resolve("home/Downloads")).isEmptyDirectory();
    }

    @Test
    void anUnwritableTargetGetsAClearErrorAndNoFile() throws Exception {
        RecordingView view = new RecordingView();
        Path gone = tmp.resolve("home/unplugged-usb-stick/diag.zip");
        view.answer = Optional.of(gone);

        flow(view).run();

        view.shown.poll(10, TimeUnit.SECONDS);
        assertThat(view.shown.poll(10, TimeUnit.SECONDS)).isEqualTo("error: Diagnostics not saved: Could not save " + gone
                + ":\nthe folder " + gone.getParent() + " does not exist\n\nNothing was written. Choose another folder and try again.");
        assertThat(gone.getParent()).doesNotExist();
    }

    @Test
    void aFolderWithoutWritePermissionIsNamedInTheMessage() {
        // As root (these build machines) permissions are not enforced, so the message is checked on the exception itself.
        assertThat(SaveDiagnostics.why(new java.nio.file.AccessDeniedException("/media/ro/.diag.zip123.part")))
                .isEqualTo("you do not have permission to write in /media/ro");
    }
}
