package io.desktopstarter.shell.common.automation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.desktopstarter.shell.common.instance.SingleInstance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The test and automation driver: a test aid, not for production. On only with the command-line flag
 * {@value #FLAG} and the environment variable {@value #ENVIRONMENT}{@code =1} together, so neither a
 * shortcut's arguments nor an inherited environment alone turn it on. It listens on a Unix-domain socket
 * ({@value #SOCKET_FILE}, owner-only) in the app-data folder: never a network port, never reachable from
 * a page. The shells report what they do to {@link #events()} and hand their main window over with
 * {@link #attach}.
 */
public final class Automation implements AutoCloseable {
    public static final String FLAG = "--automation";
    public static final String ENVIRONMENT = "DESKTOP_STARTER_AUTOMATION";
    public static final String SOCKET_FILE = "automation.sock";
    /** How long a command waits for the window, a load, a script: a test's patience, not the user's. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_SOCKET_PATH = io.desktopstarter.shell.common.instance.SingleInstance.MAX_SOCKET_PATH;

    private static final Automation OFF = new Automation(null, ShellEvents.NONE, new CompletableFuture<>());

    /** The main window and the backend origin its pages come from (e.g. {@code http://127.0.0.1:51234}). */
    record Window(String origin, AutomationTarget target) {
    }

    private final AutomationServer server;
    private final ShellEvents events;
    private final CompletableFuture<Window> target;

    private Automation(AutomationServer server, ShellEvents events, CompletableFuture<Window> target) {
        this.server = server;
        this.events = events;
        this.target = target;
    }

    /** The driver that does nothing: no socket, no recording. */
    public static Automation off() {
        return OFF;
    }

    /**
     * Whether the driver is asked for: the flag and {@value #ENVIRONMENT}{@code =1}. The flag alone is
     * ignored with one line on {@code err} saying why; the variable alone says nothing.
     */
    public static boolean requested(boolean flag, Map<String, String> environment, PrintStream err) {
        if (!flag) {
            return false;
        }
        if ("1".equals(environment.get(ENVIRONMENT))) {
            return true;
        }
        err.println("desktop-java-starter: " + FLAG + " is ignored: it also needs " + ENVIRONMENT
                + "=1 in the environment (the driver is a test aid, never on in production)");
        return false;
    }

    /** Starts the driver for {@code appData}: the socket listens from now on; commands wait for {@link #attach}. */
    public static Automation start(Path appData) throws IOException {
        return start(appData, TIMEOUT);
    }

    static Automation start(Path appData, Duration timeout) throws IOException {
        Path socket = socket(appData);
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IOException("the automation socket's path " + socket + " is longer than " + MAX_SOCKET_PATH
                    + " bytes; use a shorter DESKTOP_STARTER_APP_DATA_DIR");
        }
        SingleInstance.createPrivateFolder(appData);
        EventLog log = new EventLog();
        CompletableFuture<Window> target = new CompletableFuture<>();
        ObjectMapper json = new ObjectMapper();
        Automation automation = new Automation(AutomationServer.open(socket, new AutomationCommands(target, log, timeout, json), json),
                log, target);
        // Every exit removes the socket, also the ones that end the process without returning to the shell's start.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // exiting anyway
            }
        }));
        return automation;
    }

    /** The socket a shell using {@code appData} listens on. */
    public static Path socket(Path appData) {
        return appData.toAbsolutePath().resolve(SOCKET_FILE);
    }

    public boolean enabled() {
        return server != null;
    }

    /** Where the shell reports loads, blocked navigations, URLs opened externally, window requests. */
    public ShellEvents events() {
        return events;
    }

    /**
     * The main window exists and shows pages of {@code origin}: commands go to it from now on. Once; ignored
     * when the driver is off.
     */
    public void attach(String origin, AutomationTarget window) {
        if (enabled()) {
            target.complete(new Window(origin, window));
        }
    }

    /** Stops listening and removes the socket. */
    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
