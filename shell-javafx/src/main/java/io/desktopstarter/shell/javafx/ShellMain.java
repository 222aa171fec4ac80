package io.desktopstarter.shell.javafx;

import io.desktopstarter.staging.instance.SingleInstance;
import io.desktopstarter.staging.launch.AppDataLocation;
import io.desktopstarter.staging.launch.BackendSource;
import io.desktopstarter.staging.manifest.ManifestException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import javafx.application.Application;

/** Entry point: arguments, single instance, backend source; then the JavaFX application. */
public final class ShellMain {
    /** Exit codes: 0 ok (also: handed off to the running instance), 2 usage or setup, 3 backend failed to start, 4 backend crashed, 5 first page failed. */
    static final int USAGE = 2;

    private ShellMain() {
    }

    public static void main(String[] rawArgs) {
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        ShellArgs args;
        try {
            args = ShellArgs.parse(Arrays.asList(rawArgs));
        } catch (IllegalArgumentException e) {
            System.err.println("desktop-java-starter: " + e.getMessage() + "\n" + ShellArgs.USAGE);
            System.exit(USAGE);
            return;
        }
        Path appData = AppDataLocation.resolve(System.getenv());
        SingleInstance instance = null;
        try {
            BackendSource source = source(args);
            if (!args.smoke()) {
                switch (SingleInstance.claim(appData, args.passThrough(), JavaFxShell::handOff)) {
                    case SingleInstance.Claim.Primary primary -> instance = primary.instance();
                    case SingleInstance.Claim.HandedOff ignored -> {
                        System.out.println("Desktop Java Starter is already running; brought its window to the front.");
                        System.exit(0);
                    }
                }
            }
            JavaFxShell.Config config = new JavaFxShell.Config(args, source, appData, processStart);
            JavaFxShell.configure(config);
            // The backend starts now, while the JavaFX toolkit and WebKit initialise.
            JavaFxShell.startBackend(config);
        } catch (ManifestException | IOException e) {
            System.err.println("desktop-java-starter: " + e.getMessage());
            System.exit(USAGE);
            return;
        }
        onTerminate(JavaFxShell::terminateRequested);
        Application.launch(JavaFxShell.class);
        if (instance != null) {
            try {
                instance.close();
            } catch (IOException e) {
                // exiting anyway
            }
        }
        System.exit(JavaFxShell.exitCode());
    }

    /** TERM and INT quit like the menu does; where a signal does not exist, the shutdown hook still stops the backend. */
    @SuppressWarnings("removal")
    private static void onTerminate(Runnable quit) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> quit.run());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not available on this OS
            }
        }
    }

    /** Set by installers: the staged backend's directory. */
    static final String BACKEND_PROPERTY = "desktopstarter.backend";

    private static BackendSource source(ShellArgs args) throws ManifestException {
        if (args.devBackend().isPresent()) {
            return BackendSource.fromBuildOutput(args.devBackend().get(), "desktop-starter-core", "io.desktopstarter.core.Main");
        }
        return BackendSource.staged(args.backendDir().orElseGet(ShellMain::defaultBackend));
    }

    /**
     * Where the installer put the backend ({@value #BACKEND_PROPERTY}, set in the launcher config
     * by the distribution), else {@code backend/} beside the shell's jar, else {@code .stage/backend}
     * (a checkout).
     */
    private static Path defaultBackend() {
        String configured = System.getProperty(BACKEND_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(ShellMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent().resolve("backend");
            if (Files.isRegularFile(beside.resolve("runtime-manifest.json"))) {
                return beside;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the development layout
        }
        return Path.of(".stage", "backend").toAbsolutePath();
    }
}
