package io.desktopstarter.shell.common.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The driver's Unix-domain socket: one JSON request a line in, one JSON response a line out, a
 * virtual thread a connection. The socket file is made owner-only (0600) before the first accept, in
 * the private app-data folder, so only the user who runs the app can connect; it is removed on close.
 */
final class AutomationServer implements AutoCloseable {
    /** A request longer than this is refused and the connection closed. */
    static final int MAX_LINE = 1 << 20;

    private final ServerSocketChannel server;
    private final Path socket;
    private final AutomationCommands commands;
    private final ObjectMapper json;

    private AutomationServer(ServerSocketChannel server, Path socket, AutomationCommands commands, ObjectMapper json) {
        this.server = server;
        this.socket = socket;
        this.commands = commands;
        this.json = json;
        Thread.ofPlatform().daemon().name("automation-accept").start(this::accept);
    }

    static AutomationServer open(Path socket, AutomationCommands commands, ObjectMapper json) throws IOException {
        // Left by a shell that was killed; in a normal run the single-instance lock says nobody else serves this folder.
        Files.deleteIfExists(socket);
        // Bound under another name and made owner-only before it appears where clients look: bind() creates the file
        // with the process's umask, and a test (or a client) that found it first saw rwxr-xr-x.
        Path binding = socket.resolveSibling(socket.getFileName() + ".binding");
        Files.deleteIfExists(binding);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(binding));
            if (binding.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(binding, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(binding, socket, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(binding);
            server.close();
            throw e;
        }
        return new AutomationServer(server, socket, commands, json);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("automation-client").start(() -> serve(client));
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            LineReader lines = new LineReader(client);
            try {
                for (String line = lines.next(); line != null; line = lines.next()) {
                    if (!line.isBlank()) {
                        write(client, answer(line));
                    }
                }
            } catch (LineReader.TooLong e) {
                write(client, failure(null, new AutomationFailure(null, AutomationFailure.BAD_REQUEST,
                        "a request line is at most " + MAX_LINE + " bytes")));
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The response line for one request line; never throws for what the client sent. */
    String answer(String line) {
        JsonNode id = null;
        try {
            AutomationRequest.Numbered request = AutomationRequest.parse(line, json);
            id = request.id();
            AutomationResult result = commands.run(request.request());
            ObjectNode response = json.createObjectNode();
            response.set("id", id);
            response.put("ok", true);
            response.set("result", json.valueToTree(result));
            return response.toString();
        } catch (AutomationFailure e) {
            return failure(id != null ? id : e.id(), e);
        } catch (RuntimeException e) {
            return failure(id, new AutomationFailure(id, AutomationFailure.FAILED, String.valueOf(e)));
        }
    }

    private String failure(JsonNode id, AutomationFailure e) {
        ObjectNode response = json.createObjectNode();
        response.set("id", id);
        response.put("ok", false);
        response.put("error", e.code());
        response.put("message", e.getMessage());
        return response.toString();
    }

    private static void write(SocketChannel client, String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            client.write(bytes);
        }
    }

    Path socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
