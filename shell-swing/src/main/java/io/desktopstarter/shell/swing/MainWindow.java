package io.desktopstarter.shell.swing;

import io.desktopstarter.shell.common.ExternalOpener;
import io.desktopstarter.shell.common.WindowGeometry;
import io.desktopstarter.shell.common.automation.MenuAction;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.Image;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;

/** The app window: menus, and the browser once Chromium and the backend are up. EDT only. */
final class MainWindow {
    /** What the menu items do. */
    record MenuActions(Runnable quit, Runnable about, Runnable checkForUpdates, Runnable installFromFile,
            Runnable saveDiagnostics) {
    }

    private final JFrame frame = new JFrame(SwingShell.APP_NAME);
    private final Map<MenuAction, JMenuItem> menuItems = new EnumMap<>(MenuAction.class);
    private final Path geometryFile;

    MainWindow(Image icon, ExternalOpener opener, Path appData, MenuActions actions) {
        this.geometryFile = WindowGeometry.file(appData, SwingShell.SHELL);
        frame.setIconImage(icon);
        frame.setMinimumSize(new Dimension((int) WindowGeometry.MIN_WIDTH, (int) WindowGeometry.MIN_HEIGHT));
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                actions.quit().run();
            }
        });
        WindowGeometry g = WindowGeometry.load(geometryFile).orElse(WindowGeometry.DEFAULT);
        frame.setSize((int) g.width(), (int) g.height());
        if (Double.isNaN(g.x())) {
            frame.setLocationRelativeTo(null);
        } else {
            frame.setLocation((int) g.x(), (int) g.y());
        }
        if (g.maximized()) {
            frame.setExtendedState(Frame.MAXIMIZED_BOTH);
        }

        int shortcut = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        file.add(item(MenuAction.OPEN_APP_DATA, "Open App Data Folder", e -> opener.open(appData.toUri().toString())));
        file.add(item(MenuAction.INSTALL_UPDATE_FROM_FILE, "Install Update from File…", e -> actions.installFromFile().run()));
        file.addSeparator();
        JMenuItem quit = item(MenuAction.QUIT, "Quit", e -> actions.quit().run());
        quit.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_Q, shortcut));
        file.add(quit);
        JMenu help = new JMenu("Help");
        help.setMnemonic(KeyEvent.VK_H);
        help.add(item(MenuAction.CHECK_FOR_UPDATES, "Check for Updates…", e -> actions.checkForUpdates().run()));
        help.add(item(MenuAction.SAVE_DIAGNOSTICS, "Save Diagnostics…", e -> actions.saveDiagnostics().run()));
        help.addSeparator();
        help.add(item(MenuAction.ABOUT, "About " + SwingShell.APP_NAME, e -> actions.about().run()));
        JMenuBar menus = new JMenuBar();
        menus.add(file);
        menus.add(help);
        frame.setJMenuBar(menus);
        frame.getContentPane().setLayout(new BorderLayout());
    }

    private JMenuItem item(MenuAction id, String label, java.awt.event.ActionListener action) {
        JMenuItem item = new JMenuItem(label);
        item.addActionListener(action);
        menuItems.put(id, item);
        return item;
    }

    /** The menu item with this id, as the menu bar holds it (the automation driver clicks it). */
    JMenuItem menuItem(MenuAction id) {
        return menuItems.get(id);
    }

    /** Puts the browser in and shows the window (the browser needs a displayable parent to start). */
    void show(Component browser) {
        frame.getContentPane().add(browser, BorderLayout.CENTER);
        frame.setVisible(true);
    }

    JFrame frame() {
        return frame;
    }

    void focus() {
        if ((frame.getExtendedState() & Frame.ICONIFIED) != 0) {
            frame.setExtendedState(frame.getExtendedState() & ~Frame.ICONIFIED);
        }
        frame.setVisible(true);
        frame.toFront();
        frame.requestFocus();
    }

    void saveGeometry() {
        if (!frame.isDisplayable()) {
            return;
        }
        boolean maximized = (frame.getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
        try {
            new WindowGeometry(frame.getX(), frame.getY(), frame.getWidth(), frame.getHeight(), maximized).save(geometryFile);
        } catch (IOException e) {
            System.err.println("desktop-java-starter: cannot save the window size: " + e.getMessage());
        }
    }

    void close() {
        frame.setVisible(false);
        frame.dispose();
    }

}
