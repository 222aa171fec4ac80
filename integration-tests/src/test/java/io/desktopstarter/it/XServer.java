package io.desktopstarter.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A private Xvfb for one shell under test, on a display number the server picks ({@code -displayfd}), so no other
 * window and no other test's display is ever in the picture.
 */
final class XServer implements AutoCloseable {
    private final Process server;
    private final String display;

    private XServer(Process server, String display) {
        this.server = server;
        this.display = display;
    }

    static XServer start() throws IOException {
        Process server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = server.inputReader(StandardCharsets.US_ASCII);
        String number = out.readLine();
        if (number == null || !number.strip().matches("\\d+")) {
            server.destroyForcibly();
            throw new IOException("Xvfb did not report its display number (got " + number + ")");
        }
        return new XServer(server, ":" + number.strip());
    }

    /** The {@code DISPLAY} value for processes that should draw here. */
    String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }
}
