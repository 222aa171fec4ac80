package io.desktopstarter.shell.common.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives a shell started with {@code --automation} and {@code DESKTOP_STARTER_AUTOMATION=1}, for tests:
 * {@code try (var shell = AutomationClient.connect(appData)) { shell.load("/tasks/"); shell.eval("document.title"); }}.
 * A refused request throws {@link AutomationFailure} with the shell's error code and message.
 */
public final class AutomationClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final LineReader lines;
    private final Duration timeout;
    private long nextId = 1;

    private AutomationClient(SocketChannel channel, Duration timeout) {
        this.channel = channel;
        this.lines = new LineReader(channel);
        this.timeout = timeout;
    }

    /** Connects to the shell that uses {@code appData}; each answer may take up to {@code timeout}. */
    public static AutomationClient connect(Path appData, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(Automation.socket(appData)));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new AutomationClient(channel, timeout);
    }

    public AutomationResult.Loaded load(String path) throws IOException, AutomationFailure {
        return call(request("load").put("path", path), AutomationResult.Loaded.class);
    }

    public AutomationResult.Clicked click(String selector) throws IOException, AutomationFailure {
        return call(request("click").put("selector", selector), AutomationResult.Clicked.class);
    }

    /** The value of a JavaScript expression as a string; {@code null} for null and undefined. */
    public String eval(String expression) throws IOException, AutomationFailure {
        return call(request("eval").put("script", expression), AutomationResult.Evaluated.class).value();
    }

    public AutomationResult.State state() throws IOException, AutomationFailure {
        return call(request("state"), AutomationResult.State.class);
    }

    public AutomationResult.Screenshot screenshot(Path png) throws IOException, AutomationFailure {
        return call(request("screenshot").put("file", png.toAbsolutePath().toString()), AutomationResult.Screenshot.class);
    }

    /** A {@link MenuAction} id, e.g. {@code about}. */
    public AutomationResult.MenuTriggered menu(String action) throws IOException, AutomationFailure {
        return call(request("menu").put("action", action), AutomationResult.MenuTriggered.class);
    }

    public AutomationResult.Events events() throws IOException, AutomationFailure {
        return call(request("events"), AutomationResult.Events.class);
    }

    /** Sends one raw line and returns the raw response line: for tests of the protocol itself. */
    public String send(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                answer.complete(lines.next());
            } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            String response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response == null) {
                throw new IOException("the shell closed the connection");
            }
            return response;
        } catch (TimeoutException e) {
            channel.close();
            throw new IOException("no answer from the shell within " + timeout.toSeconds() + " s to " + line);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private ObjectNode request(String command) {
        return JSON.createObjectNode().put("id", nextId++).put("command", command);
    }

    private <T extends AutomationResult> T call(ObjectNode request, Class<T> type) throws IOException, AutomationFailure {
        JsonNode response = JSON.readTree(send(request.toString()));
        if (!response.path("ok").asBoolean()) {
            throw new AutomationFailure(response.get("id"), response.path("error").asText(), response.path("message").asText());
        }
        return JSON.treeToValue(response.get("result"), type);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
