package io.desktopstarter.shell.swing;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

/** Modal error and about dialogs (EDT only). */
final class Dialogs {
    private Dialogs() {
    }

    /** An error with the reason and, when there are any, the backend's last output lines. */
    static void error(Component owner, String header, String reason, List<String> details) {
        JPanel panel = new JPanel(new BorderLayout(0, 8));
        panel.add(new JLabel("<html><b>" + escape(header) + "</b><br><br>" + escape(reason).replace("\n", "<br>")
                + "</html>"), BorderLayout.NORTH);
        if (!details.isEmpty()) {
            JTextArea log = new JTextArea(String.join("\n", details));
            log.setEditable(false);
            log.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
            JScrollPane scroll = new JScrollPane(log);
            scroll.setPreferredSize(new Dimension(560, 180));
            panel.add(new JLabel("Last lines of the app's log:"), BorderLayout.CENTER);
            panel.add(scroll, BorderLayout.SOUTH);
        }
        JOptionPane.showMessageDialog(owner, panel, SwingShell.APP_NAME, JOptionPane.ERROR_MESSAGE);
    }

    /**
     * Enter presses the focused button, as in the JavaFX shell, GTK and Windows: Swing's default look only takes Space,
     * so Enter on the error dialog's OK did nothing (found by the shell comparison, D-053).
     */
    static void enterPressesTheFocusedButton() {
        // The look's own map is lazy (made when the first button is), so the whole map is given, Space kept.
        javax.swing.UIManager.put("Button.focusInputMap", new javax.swing.UIDefaults.LazyInputMap(new Object[] {
            "SPACE", "pressed", "released SPACE", "released", "ENTER", "pressed", "released ENTER", "released"}));
    }

    static void about(Component owner, List<String> lines) {
        JOptionPane.showMessageDialog(owner, "<html><b>" + SwingShell.APP_NAME + "</b><br><br>"
                + String.join("<br>", lines.stream().map(Dialogs::escape).toList()) + "</html>",
                "About " + SwingShell.APP_NAME, JOptionPane.INFORMATION_MESSAGE);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
