package io.desktopstarter.core;

import io.desktopstarter.core.config.BuildInfo;
import io.desktopstarter.core.config.InstallSecret;
import io.desktopstarter.core.config.Settings;
import io.desktopstarter.core.db.Database;
import io.desktopstarter.core.db.Migrations;
import io.desktopstarter.core.desktop.DesktopEndpoints;
import io.desktopstarter.core.http.Dispatcher;
import io.desktopstarter.core.http.Router;
import io.desktopstarter.core.http.SecurityGate;
import io.desktopstarter.core.http.SecurityHeaders;
import io.desktopstarter.core.http.StaticAssets;
import io.desktopstarter.core.http.Tokens;
import io.desktopstarter.core.http.wire.WireLimits;
import io.desktopstarter.core.http.wire.WireServer;
import io.desktopstarter.core.lifecycle.StartupTimer;
import io.desktopstarter.core.ponies.PonyPages;
import io.desktopstarter.core.ponies.PonyRepository;
import io.desktopstarter.core.tasks.TaskPages;
import io.desktopstarter.core.tasks.TaskRepository;
import io.desktopstarter.core.web.FlashMessages;
import io.desktopstarter.core.web.InfoPages;
import io.desktopstarter.core.web.Templates;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server process: prepares app-data and the database, then serves the pages on
 * 127.0.0.1 at a port the OS picks. Everything is wired here by hand.
 */
public final class Backend {
    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final WireServer server;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile WireServer.StopResult stopResult;

    private Backend(WireServer server) {
        this.server = server;
    }

    /** Prepares storage and starts serving; throws with a user-facing message when it cannot. */
    public static Backend start(Settings settings, Clock clock) throws Exception {
        return start(settings, clock, WireLimits.DEFAULT);
    }

    /** The same with other connection limits (tests shorten the deadlines). */
    public static Backend start(Settings settings, Clock clock, WireLimits limits) throws Exception {
        AppData.prepare(settings);
        byte[] secret;
        try {
            secret = InstallSecret.loadOrCreate(settings.appDataDir().resolve("secret.key"));
        } catch (IOException e) {
            // A full or read-only disk on the first run: the folder is unusable, not the app broken.
            throw new AppData.UnusableException(settings.appDataDir(), e);
        }
        StartupTimer.mark("app-data");
        Database db = new Database(settings.databaseFile());
        Migrations.builtIn(db, settings.backupDir()).migrate();
        StartupTimer.mark("schema");
        PonyRepository ponies = new PonyRepository(db, clock);
        if (ponies.seedOnce()) {
            LOG.info("Seeded the demo ponies (first run)");
        }
        TaskRepository tasks = new TaskRepository(db, clock);
        int abandoned = tasks.failUnfinished();
        if (abandoned > 0) {
            LOG.info("Marked {} unfinished task(s) as abandoned", abandoned);
        }

        StartupTimer.mark("data");
        WireServer server;
        try {
            server = WireServer.bind(InetAddress.getByAddress(LOOPBACK), limits, SecurityHeaders.ALL);
        } catch (IOException e) {
            throw new ListenException(e);
        }
        Backend backend = new Backend(server);
        int port = server.port();
        String csrf = Tokens.csrfToken(secret, settings.token());
        FlashMessages flashes = new FlashMessages();
        Templates templates = new Templates(flashes, csrf, BuildInfo.version());
        Router router = new Router();
        new DesktopEndpoints(settings.token(), BuildInfo.version(), () -> healthy(db), backend::requestStop)
                .register(router);
        new InfoPages(templates, InfoPages.AboutInfo.of(settings, BuildInfo.version(), BuildInfo.homepage())).register(router);
        new PonyPages(ponies, templates, flashes).register(router);
        new TaskPages(tasks, templates, flashes).register(router);
        router.get(StaticAssets.PREFIX + "{name}", new StaticAssets());

        server.serve(new Dispatcher(new SecurityGate(settings.token(), csrf, port), router, templates::error));
        StartupTimer.mark("http");
        LOG.info("Serving on 127.0.0.1:{} ({} mode)", port, settings.mode().label());
        return backend;
    }

    /**
     * Answers one {@code /health/} request to itself before the ready line: the first request
     * runs cold code paths (virtual-thread scheduler, SQLite connection, dispatch) that would
     * otherwise delay the launcher's first health check.
     */
    public void warmUp(String token) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port() + "/health/").toURL()
                    .openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            c.setRequestProperty(SecurityGate.TOKEN_HEADER, token);
            try (var in = c.getResponseCode() == 200 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
        } catch (IOException e) {
            LOG.warn("Warm-up request failed: {}", e.getMessage());
        }
    }

    public int port() {
        return server.port();
    }

    /** Asks the main thread to stop; safe to call from any thread, any number of times. */
    public void requestStop() {
        stopRequested.countDown();
    }

    public void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    /**
     * Stops accepting, closes idle connections, lets requests being handled finish for up to
     * {@code drain}, then closes. A second call waits for the first and returns its result.
     */
    public WireServer.StopResult stop(Duration drain) throws InterruptedException {
        if (stopping.compareAndSet(false, true)) {
            LOG.info("Stopping: draining in-flight requests");
            WireServer.StopResult result = server.stop(drain);
            if (result.drained()) {
                LOG.info("Stopped");
            } else {
                LOG.warn("Stopped; {} request(s) still running after {} ms were cut off", result.cutOff(), drain.toMillis());
            }
            stopResult = result;
            stopped.countDown();
        }
        stopped.await();
        return stopResult;
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean healthy(Database db) {
        try {
            return db.read(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeQuery("SELECT 1").next();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Health check failed: {}", e.getMessage());
            return false;
        }
    }

    /** Binding the loopback socket failed. */
    public static final class ListenException extends IOException {
        ListenException(IOException cause) {
            super("Cannot listen on 127.0.0.1: " + cause.getMessage(), cause);
        }
    }
}
