package io.desktopstarter.shell.swing;

import io.desktopstarter.shell.common.ShellBoot;

/** Entry point: the shared start-up ({@link ShellBoot}), then the Swing window with Chromium. */
public final class ShellMain {
    private ShellMain() {
    }

    public static void main(String[] args) {
        // The macOS menu bar for the window's menus: read by AWT once, at its start (before the splash).
        System.setProperty("apple.laf.useScreenMenuBar", "true");
        ShellBoot.run(SwingShell.SHELL, args, new SwingShell());
    }
}
