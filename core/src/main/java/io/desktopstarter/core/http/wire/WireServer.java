package io.desktopstarter.core.http.wire;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server for one local client: a virtual thread per connection, strict framing
 * ({@link HeadParser}), deadlines no client can stretch, its own refusals carrying the same
 * always-on headers as the app's pages, and a stop that waits only for requests being handled.
 * It replaces {@code jdk.httpserver}, whose own error replies, silent closes and leaked exchange
 * counts no handler could reach (D-031).
 */
public final class WireServer {
    private static final Logger LOG = LoggerFactory.getLogger(WireServer.class);

    /** How a stop went: every request in flight answered, or some cut off when the drain ran out. */
    public record StopResult(int cutOff) {
        public boolean drained() {
            return cutOff == 0;
        }
    }

    private final ServerSocket listener;
    private final WireLimits limits;
    private final ResponseWriter writer;
    private volatile WireHandler handler;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Thread acceptor;
    private int inFlight;
    private volatile boolean stopping;

    private WireServer(ServerSocket listener, WireLimits limits, List<HeaderFields.Field> always) {
        this.listener = listener;
        this.limits = limits;
        this.writer = new ResponseWriter(always);
        this.acceptor = Thread.ofPlatform().name("http-accept").daemon().unstarted(this::accept);
    }

    /**
     * Binds {@code address} on a port the OS picks; nothing is accepted until {@link #serve}, so the
     * handler can be built knowing the port. {@code always} goes on every response this server writes.
     */
    public static WireServer bind(InetAddress address, WireLimits limits, List<HeaderFields.Field> always) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(address, 0), 64);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        return new WireServer(listener, limits, always);
    }

    /** Starts accepting connections, each request answered by {@code requests}. */
    public void serve(WireHandler requests) {
        this.handler = requests;
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!stopping) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!stopping) {
                    LOG.error("Accepting connections failed", e);
                }
                return;
            }
            long id = ids.incrementAndGet();
            if (connections.size() >= limits.maxConnections()) {
                Thread.ofVirtual().start(() -> turnAway(socket, id));
                continue;
            }
            Connection connection = new Connection(id, socket, this);
            connections.add(connection);
            try {
                socket.setTcpNoDelay(true);
            } catch (SocketException e) {
                // Only a latency nicety.
            }
            Thread.ofVirtual().name("http-" + id).start(connection);
        }
    }

    private void turnAway(Socket socket, long id) {
        LOG.warn("Refused connection {}: {} connections already open", id, limits.maxConnections());
        try (socket; OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            writer.write(out, WireResponse.refusal(503, "Service Unavailable"), "GET", true);
        } catch (IOException e) {
            // The client is gone.
        }
    }

    /**
     * Stops accepting, closes every connection that is not handling a request, waits for those
     * that are for up to {@code drain}, then closes the rest.
     */
    public StopResult stop(Duration drain) {
        stopping = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing only wakes the acceptor.
        }
        connections.forEach(Connection::closeIfWaiting);
        long deadline = System.nanoTime() + drain.toNanos();
        int cutOff;
        lock.lock();
        try {
            while (inFlight > 0 && deadline - System.nanoTime() > 0) {
                idle.awaitNanos(deadline - System.nanoTime());
            }
            cutOff = inFlight;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cutOff = inFlight;
        } finally {
            lock.unlock();
        }
        connections.forEach(Connection::forceClose);
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new StopResult(cutOff);
    }

    boolean stopping() {
        return stopping;
    }

    WireLimits limits() {
        return limits;
    }

    WireHandler handler() {
        return handler;
    }

    ResponseWriter writer() {
        return writer;
    }

    void requestStarted() {
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
    }

    void requestEnded() {
        lock.lock();
        try {
            if (--inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void closed(Connection connection) {
        connections.remove(connection);
    }
}
