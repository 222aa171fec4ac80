package io.desktopstarter.shell.javafx;

/** Hands a URL to the operating system (default browser, mail client). */
@FunctionalInterface
public interface ExternalOpener {
    void open(String url);
}
