package io.desktopstarter.shell.common.diagnostics;

import io.desktopstarter.shell.common.ShellContext;
import io.desktopstarter.updater.settings.UpdateSettings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Help > Save Diagnostics…, written once for both shells: a save dialog on the suggested file, the
 * zip written off the UI thread, then a confirmation naming the file or an error saying why not.
 */
public final class SaveDiagnostics {
    /** The shell's dialogs. Every method but {@link #onUi} runs on the UI thread. */
    public interface View {
        void onUi(Runnable action);

        /** A save dialog opened on {@code folder} with {@code fileName} filled in; empty when cancelled. */
        Optional<Path> chooseSaveTarget(String title, Path folder, String fileName);

        void info(String header, String text);

        void error(String header, String text);
    }

    private final Supplier<DiagnosticsZip> zip;
    private final View view;
    private final Path home;
    private final Clock clock;

    /** {@code zip} is called on the UI thread when the user asks, so the facts are those of that moment. */
    public SaveDiagnostics(Supplier<DiagnosticsZip> zip, View view, Path home, Clock clock) {
        this.zip = Objects.requireNonNull(zip);
        this.view = Objects.requireNonNull(view);
        this.home = Objects.requireNonNull(home);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The flow as a shell wires it: its app data and name, the update feed from the environment,
     * the user's home for the suggested folder. {@code versions} is asked when the user saves.
     */
    public static SaveDiagnostics forShell(ShellContext context, Supplier<List<String>> versions, View view) {
        Clock clock = Clock.systemDefaultZone();
        return new SaveDiagnostics(() -> new DiagnosticsZip(context.appData(), new DiagnosticsZip.Facts(context.shell(),
                versions.get(), Optional.ofNullable(System.getenv(UpdateSettings.ENVIRONMENT)).filter(v -> !v.isBlank())), clock),
                view, Path.of(System.getProperty("user.home")), clock);
    }

    /** The menu action (UI thread). */
    public void run() {
        Optional<Path> target = view.chooseSaveTarget("Save Diagnostics", DiagnosticsZip.defaultFolder(home),
                DiagnosticsZip.defaultFileName(LocalDate.now(clock)));
        if (target.isEmpty()) {
            return;
        }
        DiagnosticsZip writer = zip.get();
        Thread.ofVirtual().name("save-diagnostics").start(() -> {
            try {
                DiagnosticsZip.Result result = writer.write(target.get());
                view.onUi(() -> view.info("Diagnostics saved", "Saved to " + result.zip() + "\n\n"
                        + "It holds the app's logs, versions and settings, and none of your ponies, tasks, "
                        + "keys or session token (MANIFEST.txt inside lists what is in it and what was left out). "
                        + "Attach it to your bug report."));
            } catch (IOException | RuntimeException e) {
                view.onUi(() -> view.error("Diagnostics not saved", "Could not save " + target.get() + ":\n"
                        + why(e) + "\n\nNothing was written. Choose another folder and try again."));
            }
        });
    }

    static String why(Exception e) {
        return switch (e) {
            case AccessDeniedException a -> "you do not have permission to write in " + folder(a);
            case NoSuchFileException n -> "the folder " + folder(n) + " does not exist";
            case FileSystemException f when f.getReason() != null -> f.getReason() + " (" + f.getFile() + ")";
            default -> Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        };
    }

    private static String folder(FileSystemException e) {
        String file = Objects.requireNonNullElse(e.getFile(), "?");
        Path p = Path.of(file);
        return p.getFileName() != null && p.getFileName().toString().endsWith(".part") && p.getParent() != null
                ? p.getParent().toString() : file;
    }
}
