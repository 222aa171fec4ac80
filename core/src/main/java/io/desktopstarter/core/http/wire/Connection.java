package io.desktopstarter.core.http.wire;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: requests one after another (keep-alive), each head read under its
 * deadline, then handed to the handler. Only a request being handled counts as in flight; a
 * connection waiting for or reading a head is closed at once when the server stops.
 */
final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** After a refusal, how much of what the client still sends is read and dropped so it sees the reply, not a reset. */
    private static final int LINGER_BYTES = 64 * 1024;
    private static final java.time.Duration LINGER_TIME = java.time.Duration.ofMillis(500);

    private enum State { WAITING, ACTIVE, CLOSED }

    private final long id;
    private final Socket socket;
    private final WireServer server;
    private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);

    Connection(long id, Socket socket, WireServer server) {
        this.id = id;
        this.socket = socket;
        this.server = server;
    }

    @Override
    public void run() {
        try (socket) {
            WireInput in = new WireInput(socket);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            HeadParser parser = new HeadParser(server.limits());
            boolean open = true;
            while (open && state.get() == State.WAITING) {
                in.deadline(server.limits().idleTimeout());
                Optional<RequestHead> head;
                try {
                    head = parser.read(in, server.limits().headTimeout());
                } catch (WireException e) {
                    refuse(in, out, e, "?");
                    return;
                }
                if (head.isEmpty()) {
                    return;
                }
                server.requestStarted();
                try {
                    if (!state.compareAndSet(State.WAITING, State.ACTIVE)) {
                        return;
                    }
                    open = serve(in, out, head.get());
                } finally {
                    server.requestEnded();
                }
            }
        } catch (WireInput.DeadlineException | SocketException e) {
            // Idle too long, or closed by the server's stop: nothing was being answered.
        } catch (IOException e) {
            LOG.debug("Connection {} ended: {}", id, e.getMessage());
        } finally {
            state.set(State.CLOSED);
            server.closed(this);
        }
    }

    /** Handles one request; whether the connection stays open for the next one. */
    private boolean serve(WireInput in, OutputStream out, RequestHead head) throws IOException {
        RequestBody body = new RequestBody(in, out, head, server.limits().bodyTimeout());
        WireResponse response;
        try {
            response = server.handler().handle(head, body);
        } catch (WireException e) {
            refuse(in, out, e, head.method());
            return false;
        } catch (RuntimeException e) {
            LOG.error("Unhandled error answering {} {}", head.method(), head.rawPath(), e);
            response = WireResponse.refusal(500, "Internal Server Error");
        }
        boolean close = response.close() || !head.keepAlive() || !body.consumed() || server.stopping();
        server.writer().write(out, response, head.method(), close);
        if (close) {
            linger(in);
            return false;
        }
        return state.compareAndSet(State.ACTIVE, State.WAITING);
    }

    private void refuse(WireInput in, OutputStream out, WireException e, String method) throws IOException {
        LOG.info("Refused a request on connection {}: {} {}", id, e.status(), e.getMessage());
        server.writer().write(out, WireResponse.refusal(e.status(), ResponseWriter.reason(e.status())), method, true);
        linger(in);
    }

    /**
     * Half-closes, then drops what the client is still sending for a moment: closing a socket with
     * unread input makes the OS send a reset, and the client may lose the reply it has not read yet.
     */
    private void linger(WireInput in) {
        try {
            socket.shutdownOutput();
            in.deadline(LINGER_TIME);
            byte[] sink = new byte[4096];
            int total = 0;
            for (int n; total < LINGER_BYTES && (n = in.read(sink, 0, sink.length)) > 0; ) {
                total += n;
            }
        } catch (IOException e) {
            // The client closed first or took too long: either way we are done.
        }
    }

    /** Closes the connection if no request is being handled on it; returns whether it did. */
    boolean closeIfWaiting() {
        if (state.compareAndSet(State.WAITING, State.CLOSED)) {
            closeSocket();
            return true;
        }
        return false;
    }

    void forceClose() {
        state.set(State.CLOSED);
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
