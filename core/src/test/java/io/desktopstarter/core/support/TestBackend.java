package io.desktopstarter.core.support;

import io.desktopstarter.contract.SessionToken;
import io.desktopstarter.core.Backend;
import io.desktopstarter.core.config.Mode;
import io.desktopstarter.core.config.Settings;
import io.desktopstarter.core.config.TaskTimings;
import io.desktopstarter.core.http.wire.WireLimits;
import io.desktopstarter.core.http.wire.WireServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** A real backend started in this JVM on a temporary app-data directory. */
public final class TestBackend implements AutoCloseable {
    private final Settings settings;
    private final Backend backend;

    private TestBackend(Settings settings, Backend backend) {
        this.settings = settings;
        this.backend = backend;
    }

    public static TestBackend start(Path appData) throws Exception {
        return start(settings(appData, newToken()));
    }

    public static TestBackend start(Settings settings) throws Exception {
        return new TestBackend(settings, Backend.start(settings, Clock.systemUTC()));
    }

    /** With other connection limits, e.g. short deadlines for the slow-client tests. */
    public static TestBackend start(Path appData, WireLimits limits) throws Exception {
        Settings settings = settings(appData, newToken());
        return new TestBackend(settings, Backend.start(settings, Clock.systemUTC(), limits));
    }

    public static Settings settings(Path appData, String token) {
        return new Settings(token, appData, Mode.DEVELOPMENT, OptionalLong.empty(), Optional.of("test"),
                TaskTimings.DEFAULT);
    }

    public static String newToken() {
        return SessionToken.generate();
    }

    public TestClient client() {
        return new TestClient(backend.port(), settings.token());
    }

    public Settings settings() {
        return settings;
    }

    public int port() {
        return backend.port();
    }

    /** Stops like the shutdown request does, and says whether every request in flight was answered. */
    public WireServer.StopResult stop(Duration drain) throws InterruptedException {
        return backend.stop(drain);
    }

    @Override
    public void close() {
        try {
            backend.stop(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
