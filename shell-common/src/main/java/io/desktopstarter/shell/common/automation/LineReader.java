package io.desktopstarter.shell.common.automation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/** UTF-8 lines from a channel, each at most {@link AutomationServer#MAX_LINE} bytes; both ends of the protocol use it. */
final class LineReader {
    /** A line longer than the limit: the reader stops there. */
    static final class TooLong extends IOException {
        TooLong() {
            super("line longer than " + AutomationServer.MAX_LINE + " bytes");
        }
    }

    private final ReadableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineReader(ReadableByteChannel channel) {
        this.channel = channel;
    }

    /** The next line without its newline; {@code null} at the end of the stream. */
    String next() throws IOException {
        line.reset();
        while (true) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                if (line.size() == AutomationServer.MAX_LINE) {
                    throw new TooLong();
                }
                line.write(b);
            }
            buffer.clear();
            int read = channel.read(buffer);
            buffer.flip();
            if (read < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
