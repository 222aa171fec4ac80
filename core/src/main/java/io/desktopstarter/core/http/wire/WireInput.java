package io.desktopstarter.core.http.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input, buffered, under one deadline at a time: every read waits at most until the
 * deadline, however the client spreads its bytes, so a trickle cannot hold a connection open.
 */
final class WireInput {
    /** The current deadline passed. */
    static final class DeadlineException extends IOException {
        DeadlineException() {
            super("deadline passed", null);
        }
    }

    /** Sets how long one read may block (a socket's {@code SO_TIMEOUT}). */
    interface ReadTimeout {
        void set(int millis) throws IOException;
    }

    private final ReadTimeout readTimeout;
    private final InputStream in;
    private final byte[] buffer = new byte[8 * 1024];
    private int position;
    private int limit;
    private long deadline = Long.MAX_VALUE;

    WireInput(Socket socket) throws IOException {
        this(socket.getInputStream(), socket::setSoTimeout);
    }

    WireInput(InputStream in, ReadTimeout readTimeout) {
        this.in = in;
        this.readTimeout = readTimeout;
    }

    void deadline(java.time.Duration fromNow) {
        deadline = System.nanoTime() + fromNow.toNanos();
    }

    /** The next byte, or -1 at the end of the stream. */
    int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** Up to {@code length} bytes, at least one unless the stream ended (-1). */
    int read(byte[] target, int offset, int length) throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new DeadlineException();
        }
        readTimeout.set((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
        int n;
        try {
            n = in.read(buffer);
        } catch (SocketTimeoutException e) {
            throw new DeadlineException();
        }
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
