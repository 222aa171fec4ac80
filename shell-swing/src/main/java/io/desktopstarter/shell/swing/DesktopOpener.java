package io.desktopstarter.shell.swing;

import io.desktopstarter.shell.common.ExternalOpener;
import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Hands web and mail links and folders to the OS: AWT's Desktop where it can, else {@code xdg-open}. */
final class DesktopOpener implements ExternalOpener {
    @Override
    public void open(String url) {
        // Off the UI and Chromium threads: the OS may take a while to start a browser.
        Thread.ofPlatform().name("open-externally").daemon().start(() -> {
            try {
                URI uri = URI.create(url);
                Desktop desktop = Desktop.isDesktopSupported() ? Desktop.getDesktop() : null;
                if ("mailto".equalsIgnoreCase(uri.getScheme()) && desktop != null && desktop.isSupported(Desktop.Action.MAIL)) {
                    desktop.mail(uri);
                } else if (desktop != null && desktop.isSupported(Desktop.Action.BROWSE)) {
                    desktop.browse(uri);
                } else {
                    new ProcessBuilder(List.of("xdg-open", url)).inheritIO().start();
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("desktop-java-starter: could not open " + url + " in the system: " + e.getMessage());
            }
        });
    }
}
