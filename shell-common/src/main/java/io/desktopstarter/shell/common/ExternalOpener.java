package io.desktopstarter.shell.common;

/** Hands a URL to the operating system (default browser, mail client). */
@FunctionalInterface
public interface ExternalOpener {
    void open(String url);
}
