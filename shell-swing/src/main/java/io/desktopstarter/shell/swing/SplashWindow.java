package io.desktopstarter.shell.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.Image;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JWindow;
import javax.swing.SwingConstants;

/** The undecorated start-up window: icon, name, a progress bar and the launcher's status line. */
final class SplashWindow {
    private final JWindow window = new JWindow();
    private final JLabel status = new JLabel(" ", SwingConstants.CENTER);
    private final JProgressBar bar = new JProgressBar();

    SplashWindow(Image icon) {
        JLabel logo = new JLabel(new ImageIcon(icon.getScaledInstance(96, 96, Image.SCALE_SMOOTH)));
        JLabel name = new JLabel(SwingShell.APP_NAME, SwingConstants.CENTER);
        name.setFont(name.getFont().deriveFont(Font.BOLD, 20f));
        status.setForeground(new Color(0x55, 0x5f, 0x6d));
        bar.setIndeterminate(true);
        JPanel text = new JPanel(new BorderLayout(0, 10));
        text.setOpaque(false);
        text.add(name, BorderLayout.NORTH);
        text.add(bar, BorderLayout.CENTER);
        text.add(status, BorderLayout.SOUTH);
        JPanel content = new JPanel(new BorderLayout(0, 16));
        content.setBackground(Color.WHITE);
        content.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(0xd0, 0xd7, 0xde)),
                BorderFactory.createEmptyBorder(28, 36, 28, 36)));
        content.add(logo, BorderLayout.CENTER);
        content.add(text, BorderLayout.SOUTH);
        window.setContentPane(content);
        window.setSize(420, 300);
        window.setLocationRelativeTo(null);
    }

    void show() {
        window.setVisible(true);
    }

    void status(String line) {
        status.setText(line);
    }

    /** @param fraction 0..1, or negative for "working, no estimate" */
    void progress(double fraction) {
        bar.setIndeterminate(fraction < 0);
        if (fraction >= 0) {
            bar.setValue((int) Math.round(fraction * 100));
        }
    }

    void close() {
        window.setVisible(false);
        window.dispose();
    }
}
