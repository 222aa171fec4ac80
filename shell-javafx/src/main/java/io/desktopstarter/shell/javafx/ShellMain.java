package io.desktopstarter.shell.javafx;

import io.desktopstarter.shell.common.ShellBoot;

/** Entry point: the shared start-up ({@link ShellBoot}), then the JavaFX application. */
public final class ShellMain {
    private ShellMain() {
    }

    public static void main(String[] args) {
        ShellBoot.run(JavaFxShell.SHELL, args, new JavaFxShell.Toolkit());
    }
}
