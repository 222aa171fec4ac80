package io.desktopstarter.shell.swing;

import io.desktopstarter.shell.common.PromptView;
import io.desktopstarter.shell.common.diagnostics.SaveDiagnostics;
import java.awt.BorderLayout;
import java.awt.Dialog;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;

/** The update and Save Diagnostics flows' dialogs as Swing option panes owned by the main window. */
final class SwingPromptView implements PromptView, SaveDiagnostics.View {
    private final Window owner;
    private JDialog progress;
    private JProgressBar bar;
    private JLabel progressText;

    SwingPromptView(Window owner) {
        this.owner = owner;
    }

    @Override
    public void onUi(Runnable action) {
        SwingUtilities.invokeLater(action);
    }

    @Override
    public boolean confirm(String header, String text, String action) {
        Object[] options = {action, "Cancel"};
        int answer = JOptionPane.showOptionDialog(owner, message(header, text), SwingShell.APP_NAME,
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE, null, options, options[0]);
        return answer == 0;
    }

    @Override
    public void info(String header, String text) {
        JOptionPane.showMessageDialog(owner, message(header, text), SwingShell.APP_NAME, JOptionPane.INFORMATION_MESSAGE);
    }

    @Override
    public void error(String header, String text) {
        JOptionPane.showMessageDialog(owner, message(header, text), SwingShell.APP_NAME, JOptionPane.ERROR_MESSAGE);
    }

    @Override
    public Optional<Path> chooseKitFolder() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Choose the update kit folder (with latest.json)");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        return chooser.showOpenDialog(owner) == JFileChooser.APPROVE_OPTION
                ? Optional.of(chooser.getSelectedFile().toPath()) : Optional.empty();
    }

    @Override
    public Optional<Path> chooseSaveTarget(String title, Path folder, String fileName) {
        JFileChooser chooser = new JFileChooser(folder.toFile());
        chooser.setDialogTitle(title);
        chooser.setFileFilter(new FileNameExtensionFilter("Zip archives", "zip"));
        chooser.setSelectedFile(folder.resolve(fileName).toFile());
        while (chooser.showSaveDialog(owner) == JFileChooser.APPROVE_OPTION) {
            Path chosen = chooser.getSelectedFile().toPath();
            // Swing's dialog does not ask before replacing a file; the platform dialogs do.
            if (!Files.exists(chosen) || confirm("Replace " + chosen.getFileName() + "?",
                    "A file with this name already exists in " + chosen.getParent() + ".", "Replace")) {
                return Optional.of(chosen);
            }
        }
        return Optional.empty();
    }

    @Override
    public void showProgress(String header, Runnable onCancel) {
        bar = new JProgressBar(0, 1000);
        progressText = new JLabel("Starting download…");
        JPanel panel = new JPanel(new BorderLayout(0, 8));
        panel.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        panel.add(new JLabel("<html><b>" + Dialogs.escape(header) + "</b></html>"), BorderLayout.NORTH);
        panel.add(bar, BorderLayout.CENTER);
        panel.add(progressText, BorderLayout.SOUTH);
        progress = new JDialog(owner, SwingShell.APP_NAME, Dialog.ModalityType.MODELESS);
        progress.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        progress.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                onCancel.run();
            }
        });
        progress.setContentPane(panel);
        progress.setSize(420, 150);
        progress.setLocationRelativeTo(owner);
        progress.setVisible(true);
    }

    @Override
    public void progress(double fraction, String text) {
        if (bar != null) {
            bar.setIndeterminate(fraction < 0);
            bar.setValue((int) Math.round(Math.max(0, fraction) * 1000));
            progressText.setText(text);
        }
    }

    @Override
    public void closeProgress() {
        if (progress != null) {
            progress.dispose();
            progress = null;
            bar = null;
        }
    }

    private static String message(String header, String text) {
        return "<html><body style='width:380px'><b>" + Dialogs.escape(header) + "</b><br><br>"
                + Dialogs.escape(text).replace("\n", "<br>") + "</body></html>";
    }
}
