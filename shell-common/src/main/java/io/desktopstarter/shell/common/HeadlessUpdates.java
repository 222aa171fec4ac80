package io.desktopstarter.shell.common;

import io.desktopstarter.contract.AppDataLocation;
import io.desktopstarter.updater.flow.UpdateService;
import io.desktopstarter.updater.flow.UpdateState;
import io.desktopstarter.updater.flow.UpdaterSetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The installed app's update commands without a window, for administrators and scripts:
 * {@code --check-for-updates} prints one line and exits with its own code ({@link ExitCode}),
 * through the same settings, feed checks and state the menus use.
 */
public final class HeadlessUpdates {
    public static final String CHECK = "--check-for-updates";

    private HeadlessUpdates() {
    }

    /** The exit code; one line on {@code out}: AVAILABLE, UP-TO-DATE, REJECTED, UPDATES-OFF or ERROR. */
    public static int check(String shell, String version, Path appData, Map<String, String> environment,
            Map<String, String> properties, PrintStream out) {
        try (UpdateService service = UpdaterSetup.create(shell, version, appData, environment, properties, state -> { })) {
            UpdateState state = service.check().get(5, TimeUnit.MINUTES);
            return switch (state) {
                case UpdateState.Available a -> line(out, "AVAILABLE: " + a.version() + " (" + a.size() + " bytes)",
                        ExitCode.UPDATE_AVAILABLE);
                case UpdateState.UpToDate u -> line(out, "UP-TO-DATE: " + u.version(), ExitCode.UP_TO_DATE);
                case UpdateState.NotConfigured n -> line(out, "UPDATES-OFF: " + n.reason(), ExitCode.UPDATES_OFF);
                case UpdateState.Failed f when f.rejection().isPresent() -> line(out, f.rejection().get().line(),
                        ExitCode.UPDATE_REJECTED);
                case UpdateState.Failed f -> line(out, "ERROR: " + f.message(), ExitCode.UPDATE_ERROR);
                default -> line(out, "ERROR: unexpected state " + state, ExitCode.UPDATE_ERROR);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return line(out, "ERROR: interrupted", ExitCode.UPDATE_ERROR);
        } catch (ExecutionException | TimeoutException e) {
            return line(out, "ERROR: the check did not finish: " + e.getMessage(), ExitCode.UPDATE_ERROR);
        }
    }

    /** For {@link ShellBoot}: this process's environment, launcher properties and app data. */
    static int check(String shell, String version, PrintStream out) {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return check(shell, version, AppDataLocation.resolve(System.getenv()), System.getenv(), properties, out);
    }

    private static int line(PrintStream out, String text, int code) {
        out.println(text);
        out.flush();
        return code;
    }
}
