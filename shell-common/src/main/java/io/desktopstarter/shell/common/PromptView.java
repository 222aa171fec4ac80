package io.desktopstarter.shell.common;

import java.nio.file.Path;
import java.util.Optional;

/** The dialogs a shell's toolkit provides for the update flow. Every method but {@link #onUi} runs on the UI thread. */
public interface PromptView {
    /** Runs {@code action} on the UI thread. */
    void onUi(Runnable action);

    /** A modal question; true when the user chose {@code action}. */
    boolean confirm(String header, String text, String action);

    void info(String header, String text);

    void error(String header, String text);

    /** A folder chooser for an update kit; empty when cancelled. */
    Optional<Path> chooseKitFolder();

    /** A non-modal progress dialog; {@code onCancel} runs when the user closes it. */
    void showProgress(String header, Runnable onCancel);

    /** @param fraction 0..1, or negative when the total is unknown */
    void progress(double fraction, String text);

    void closeProgress();
}
