package io.desktopstarter.shell.common;

import io.desktopstarter.contract.AppDataLocation;
import io.desktopstarter.contract.LauncherProperties;
import io.desktopstarter.contract.TerminationSignals;
import io.desktopstarter.shell.common.automation.Automation;
import io.desktopstarter.shell.common.instance.SingleInstance;
import io.desktopstarter.staging.launch.BackendSource;
import io.desktopstarter.staging.manifest.ManifestException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * The start-up both shells share: arguments, single instance, where the backend is, the backend
 * start (before the UI toolkit, so they overlap), signals; then the toolkit runs until quit.
 */
public final class ShellBoot {
    private ShellBoot() {
    }

    /** Never returns: ends the process with the toolkit's exit code. */
    public static void run(String shell, String[] rawArgs, ShellToolkit toolkit) {
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        if (HeadlessUpdates.isCommand(Arrays.asList(rawArgs))) {
            // No window, no backend, no single-instance claim: a check touches only the updater's state; an update
            // holds the instance lock only while the app is not running.
            System.exit(HeadlessUpdates.run(shell, ShellContext.version(toolkit.getClass()), Arrays.asList(rawArgs), System.out));
            return;
        }
        ShellArgs args;
        try {
            args = ShellArgs.parse(Arrays.asList(rawArgs));
        } catch (IllegalArgumentException e) {
            System.err.println("desktop-java-starter: " + e.getMessage() + "\n" + ShellArgs.USAGE);
            System.exit(ExitCode.USAGE);
            return;
        }
        // stdout is for machine-read lines only (the smoke line, the hand-off notice); whatever else
        // prints to System.out (libraries) goes to stderr.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        Path appData = AppDataLocation.resolve(System.getenv());
        SingleInstance instance = null;
        Automation automation = Automation.off();
        ShellContext context;
        try {
            BackendSource source = source(args, toolkit.getClass());
            if (!args.smoke()) {
                switch (SingleInstance.claim(appData, args.passThrough(), toolkit::handOff)) {
                    case SingleInstance.Claim.Primary primary -> instance = primary.instance();
                    case SingleInstance.Claim.HandedOff ignored -> {
                        stdout.println("Desktop Java Starter is already running; brought its window to the front.");
                        stdout.flush();
                        System.exit(ExitCode.OK);
                    }
                }
            }
            if (Automation.requested(args.automation(), System.getenv(), System.err)) {
                // After the single-instance claim: a launch that hands off must not take the running app's socket.
                automation = Automation.start(appData);
                System.err.println("desktop-java-starter: automation driver listening on " + Automation.socket(appData));
            }
            context = new ShellContext(shell, args, source, appData, processStart,
                    BackendStart.begin(source, appData, shell, processStart), stdout, automation);
        } catch (ManifestException | IOException e) {
            System.err.println("desktop-java-starter: " + e.getMessage());
            System.exit(ExitCode.USAGE);
            return;
        }
        TerminationSignals.onTerminate(toolkit::terminateRequested);
        int code = toolkit.run(context);
        try {
            automation.close();
        } catch (IOException e) {
            System.err.println("desktop-java-starter: cannot remove the automation socket: " + e.getMessage());
        }
        if (instance != null) {
            try {
                instance.close();
            } catch (IOException e) {
                // exiting anyway
            }
        }
        System.exit(code);
    }

    private static BackendSource source(ShellArgs args, Class<?> shellClass) throws ManifestException {
        if (args.devBackend().isPresent()) {
            return BackendSource.fromBuildOutput(args.devBackend().get(), "desktop-starter-core", "io.desktopstarter.core.Main");
        }
        return BackendSource.staged(args.backendDir().orElseGet(() -> defaultBackend(shellClass)));
    }

    /**
     * Where the installer put the backend ({@value LauncherProperties#BACKEND}, set in the launcher config
     * by the distribution), else {@code backend/} beside the shell's jar, else {@code .stage/backend}
     * (a checkout).
     */
    private static Path defaultBackend(Class<?> shellClass) {
        String configured = System.getProperty(LauncherProperties.BACKEND);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(shellClass.getProtectionDomain().getCodeSource().getLocation().toURI());
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
