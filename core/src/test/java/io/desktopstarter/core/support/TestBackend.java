package io.desktopstarter.core.support;

import io.desktopstarter.core.Backend;
import io.desktopstarter.core.config.Mode;
import io.desktopstarter.core.config.Settings;
import io.desktopstarter.core.config.TaskTimings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
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

    public static Settings settings(Path appData, String token) {
        return new Settings(token, appData, Mode.DEVELOPMENT, OptionalLong.empty(), Optional.of("test"),
                TaskTimings.DEFAULT);
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
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

    @Override
    public void close() {
        backend.stop(Duration.ofSeconds(1));
    }
}
