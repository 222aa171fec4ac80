package io.desktopstarter.shell.common.instance;

import io.desktopstarter.foundation.digest.Sha256;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One running app per user. The first instance holds an exclusive lock on {@code instance.lock}
 * in app-data and listens on a Unix-domain socket (Linux, macOS, Windows 10+); a later launch
 * finds the lock taken, sends its arguments over the socket and exits.
 */
public final class SingleInstance implements AutoCloseable {
    static final String LOCK_FILE = "instance.lock";
    private static final byte[] UPDATE_MARK = "update\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_MESSAGE = 64 * 1024;
    /** sun_path is 108 bytes on Linux, 104 on macOS; stay below both (the automation driver's socket too). */
    public static final int MAX_SOCKET_PATH = 100;

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socketPath;
    private final Thread acceptor;

    private SingleInstance(FileChannel lockChannel, FileLock lock, ServerSocketChannel server, Path socketPath,
            Consumer<List<String>> onHandOff) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.socketPath = socketPath;
        this.acceptor = Thread.ofPlatform().daemon().name("single-instance").start(() -> accept(onHandOff));
    }

    /** Whether this process is the app's only instance. */
    public sealed interface Claim {
        /** This process runs the app; keep the instance open until exit. */
        record Primary(SingleInstance instance) implements Claim {
        }

        /** Another instance runs; it received our arguments. Exit 0. */
        record HandedOff() implements Claim {
        }
    }

    /**
     * Becomes the primary instance or hands {@code args} to the running one. {@code onHandOff}
     * runs on a background thread of the primary for each later launch, e.g. to focus the window.
     */
    public static Claim claim(Path appDataDir, List<String> args, Consumer<List<String>> onHandOff) throws IOException {
        Path socket = socketPath(appDataDir);
        java.util.Optional<Locked> locked = tryLock(appDataDir);
        if (locked.isEmpty()) {
            if (heldForUpdate(appDataDir)) {
                throw new IOException("an update of the app is being installed (--update); start the app again when it"
                        + " has finished");
            }
            handOff(socket, args);
            return new Claim.HandedOff();
        }
        Files.deleteIfExists(socket); // left by a crashed primary; we hold the lock, so it is stale
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new Claim.Primary(new SingleInstance(locked.get().channel(), locked.get().lock(), server, socket, onHandOff));
    }

    /** The lock file, held by this process; an instance that runs holds it. */
    private record Locked(FileChannel channel, FileLock lock) {
    }

    /** The instance lock if no instance holds it (the channel is closed again when one does). */
    private static java.util.Optional<Locked> tryLock(Path appDataDir) throws IOException {
        createPrivateFolder(appDataDir);
        FileChannel channel = posix(appDataDir)
                ? FileChannel.open(appDataDir.resolve(LOCK_FILE), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(appDataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Locked(channel, lock));
    }

    /**
     * The instance lock alone, for work that must not run beside the app ({@code --update --yes}): empty when an
     * instance is running (it holds the lock); otherwise the lock, held until closed, so the app cannot start meanwhile
     * (a launch then finds the lock taken and no instance answering, and says so).
     */
    public static java.util.Optional<java.io.Closeable> lockIfNotRunning(Path appDataDir) throws IOException {
        java.util.Optional<Locked> held = tryLock(appDataDir);
        if (held.isPresent()) {
            // Says why the lock is taken, so a launch meanwhile can tell the user instead of waiting for an answer.
            held.get().channel().truncate(0).write(ByteBuffer.wrap(UPDATE_MARK), 0);
        }
        return held.map(locked -> () -> {
            locked.channel().truncate(0);
            locked.lock().release();
            locked.channel().close();
        });
    }

    /**
     * Whether the lock holder is {@link #lockIfNotRunning}. POSIX locks are advisory, so the file reads; on Windows the
     * locked file does not, and the launch falls back to waiting for an instance to answer.
     */
    private static boolean heldForUpdate(Path appDataDir) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(appDataDir.resolve(LOCK_FILE)), UPDATE_MARK);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The shell is usually first to create the app-data folder: make it 0700 on POSIX, as the
     * backend does (core's PrivateFiles; the shells do not link against core), whatever the umask.
     * Windows: %APPDATA% already carries the per-user ACL, which the folder inherits.
     */
    public static void createPrivateFolder(Path dir) throws IOException {
        if (!posix(dir)) {
            Files.createDirectories(dir);
            return;
        }
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(owner));
        }
        if (!Files.getPosixFilePermissions(dir).equals(owner)) {
            Files.setPosixFilePermissions(dir, owner);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Sends arguments to the primary, retrying while it is still starting up (it holds the lock before it listens). */
    private static void handOff(Path socket, List<String> args) throws IOException {
        byte[] message = encode(args);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                channel.write(ByteBuffer.wrap(message));
                channel.shutdownOutput();
                ByteBuffer reply = ByteBuffer.allocate(2);
                while (reply.hasRemaining() && channel.read(reply) >= 0) {
                    // read the acknowledgement
                }
                if (new String(reply.array(), StandardCharsets.US_ASCII).equals("ok")) {
                    return;
                }
                last = new IOException("the running instance did not acknowledge");
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IOException("Another instance holds the lock but does not answer on " + socket
                + (last == null ? "" : " (" + last.getMessage() + ")"), last);
    }

    private void accept(Consumer<List<String>> onHandOff) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                ByteBuffer buffer = ByteBuffer.allocate(MAX_MESSAGE);
                while (buffer.hasRemaining() && client.read(buffer) >= 0) {
                    // read until the sender shuts down its output
                }
                List<String> args = decode(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
                client.write(ByteBuffer.wrap("ok".getBytes(StandardCharsets.US_ASCII)));
                onHandOff.accept(args);
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            } catch (RuntimeException e) {
                // A failing callback must not end the listener.
            }
        }
    }

    static Path socketPath(Path appDataDir) {
        Path inAppData = appDataDir.toAbsolutePath().resolve("instance.sock");
        if (inAppData.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return inAppData;
        }
        String hash = Sha256.hex(inAppData.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return Path.of(System.getProperty("java.io.tmpdir"), "djs-" + hash + ".sock");
    }

    /** Arguments joined by NUL, which cannot occur inside a command-line argument. */
    static byte[] encode(List<String> args) {
        return String.join("\0", args).getBytes(StandardCharsets.UTF_8);
    }

    static List<String> decode(String message) {
        return message.isEmpty() ? List.of() : new ArrayList<>(List.of(message.split("\0", -1)));
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
        Files.deleteIfExists(socketPath);
        lock.release();
        lockChannel.close();
    }
}
