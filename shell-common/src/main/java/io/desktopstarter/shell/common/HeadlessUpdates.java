package io.desktopstarter.shell.common;

import io.desktopstarter.contract.AppDataLocation;
import io.desktopstarter.shell.common.instance.SingleInstance;
import io.desktopstarter.updater.install.InstallOutcome;
import io.desktopstarter.updater.flow.UpdateService;
import io.desktopstarter.updater.flow.UpdateState;
import io.desktopstarter.updater.flow.UpdaterSetup;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The installed app's update commands without a window, for administrators and scripts:
 * {@code --check-for-updates} prints one line and exits with its own code ({@link ExitCode}),
 * through the same settings, feed checks and state the menus use; {@code --update --yes} also downloads, verifies
 * and installs the update through the same {@link UpdateService} and install hand-off as Help &gt; Check for Updates,
 * but only while the app is not running (the single-instance lock in app data tells). {@code --update --kit DIR --yes}
 * installs from an air-gapped update kit instead, verified like File &gt; Install Update from File… (no network).
 */
public final class HeadlessUpdates {
    public static final String CHECK = "--check-for-updates";
    public static final String UPDATE = "--update";
    public static final String YES = "--yes";
    public static final String KIT = "--kit";

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

    /**
     * {@code --update --yes}: check, download (one {@code DOWNLOADING:} line per 10 %), verify and install. Lines:
     * the check's line when there is nothing to install ({@code UP-TO-DATE}, {@code REJECTED}, {@code UPDATES-OFF},
     * {@code ERROR}, with its exit code), {@code RUNNING: ...} (exit {@value ExitCode#APP_RUNNING}) when the app is
     * open, else {@code AVAILABLE}, {@code DOWNLOADING}..., {@code VERIFIED: <v>}, then {@code INSTALLED: <v> <where>}
     * (exit 0), {@code STARTED-INSTALLER: <command>} (exit 0, Windows), or {@code ROLLED-BACK:} / {@code MANUAL-STEP:}
     * / {@code ERROR:} (exit {@value ExitCode#UPDATE_ERROR}). With a {@code kit} directory nothing is downloaded: the
     * kit's feed and artifact are checked as the menu's Install Update from File… checks them ({@code KIT: <dir>}, then
     * {@code VERIFIED} or {@code REJECTED}, exit {@value ExitCode#UPDATE_REJECTED}) and installed the same way.
     */
    public static int update(String shell, String version, Path appData, Map<String, String> environment,
            Map<String, String> properties, Optional<Path> kit, PrintStream out) {
        Optional<Closeable> lock;
        try {
            lock = SingleInstance.lockIfNotRunning(appData);
        } catch (IOException e) {
            return line(out, "ERROR: cannot read the app's instance lock in " + appData + ": " + e.getMessage(), ExitCode.UPDATE_ERROR);
        }
        if (lock.isEmpty()) {
            return line(out, "RUNNING: Desktop Java Starter is running; quit it, then run --update --yes again"
                    + " (or use Help > Check for Updates in the app)", ExitCode.APP_RUNNING);
        }
        int[] shownTenth = {-1};
        try (Closeable held = lock.get();
                UpdateService service = UpdaterSetup.create(shell, version, appData, environment, properties, state -> {
                    if (state instanceof UpdateState.Downloading d && d.progress().percent() / 10 > shownTenth[0]) {
                        shownTenth[0] = d.progress().percent() / 10;
                        line(out, String.format(Locale.ROOT, "DOWNLOADING: %d%% (%d of %d bytes)", d.progress().percent(),
                                d.progress().bytes(), d.progress().total()), 0);
                    }
                })) {
            UpdateState downloaded;
            if (kit.isPresent()) {
                line(out, "KIT: " + kit.get().toAbsolutePath(), 0);
                downloaded = service.openKit(kit.get()).get(30, TimeUnit.MINUTES);
            } else {
                UpdateState checked = service.check().get(5, TimeUnit.MINUTES);
                if (!(checked instanceof UpdateState.Available available)) {
                    return report(checked, out);
                }
                line(out, "AVAILABLE: " + available.version() + " (" + available.size() + " bytes)", 0);
                downloaded = service.download().get(2, TimeUnit.HOURS);
            }
            if (!(downloaded instanceof UpdateState.ReadyToInstall ready)) {
                return report(downloaded, out);
            }
            line(out, "VERIFIED: " + ready.version(), 0);
            UpdateState installed = service.install().get(30, TimeUnit.MINUTES);
            if (!(installed instanceof UpdateState.Finished(InstallOutcome outcome))) {
                return report(installed, out);
            }
            return switch (outcome) {
                case InstallOutcome.Installed i -> line(out, "INSTALLED: " + i.version() + " " + i.location(), ExitCode.OK);
                case InstallOutcome.Launched l -> line(out, "STARTED-INSTALLER: " + String.join(" ", l.command()), ExitCode.OK);
                case InstallOutcome.RolledBack r -> line(out, "ROLLED-BACK: " + r.version() + " did not start, the previous"
                        + " version is active again: " + r.reason(), ExitCode.UPDATE_ERROR);
                case InstallOutcome.ManualStep m -> line(out, "MANUAL-STEP: " + m.instructions(), ExitCode.UPDATE_ERROR);
                case InstallOutcome.Failed f -> line(out, "ERROR: " + f.reason(), ExitCode.UPDATE_ERROR);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return line(out, "ERROR: interrupted", ExitCode.UPDATE_ERROR);
        } catch (ExecutionException | TimeoutException | IOException e) {
            return line(out, "ERROR: the update did not finish: " + e.getMessage(), ExitCode.UPDATE_ERROR);
        }
    }

    /** The one line (and exit code) for a state that ends the command. */
    private static int report(UpdateState state, PrintStream out) {
        return switch (state) {
            case UpdateState.UpToDate u -> line(out, "UP-TO-DATE: " + u.version(), ExitCode.UP_TO_DATE);
            case UpdateState.NotConfigured n -> line(out, "UPDATES-OFF: " + n.reason(), ExitCode.UPDATES_OFF);
            case UpdateState.Failed f when f.rejection().isPresent() -> line(out, f.rejection().get().line(),
                    ExitCode.UPDATE_REJECTED);
            case UpdateState.Failed f -> line(out, "ERROR: " + f.message(), ExitCode.UPDATE_ERROR);
            default -> line(out, "ERROR: unexpected state " + state, ExitCode.UPDATE_ERROR);
        };
    }

    /** For {@link ShellBoot}: {@code --check-for-updates} or {@code --update --yes} with this process's settings. */
    static int run(String shell, String version, List<String> args, PrintStream out) {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        Path appData = AppDataLocation.resolve(System.getenv());
        if (args.equals(List.of(CHECK))) {
            return check(shell, version, appData, System.getenv(), properties, out);
        }
        Optional<UpdateArgs> update = UpdateArgs.parse(args);
        if (update.isPresent()) {
            return update(shell, version, appData, System.getenv(), properties, update.get().kit(), out);
        }
        System.err.println("desktop-java-starter: --update installs without asking, so it needs --yes, and nothing else"
                + " but an optional kit: --update --yes, or --update --kit DIR --yes\n" + ShellArgs.USAGE);
        return ExitCode.USAGE;
    }

    /** {@code --update --yes}, or with {@code --kit DIR} an air-gapped kit to install from. */
    record UpdateArgs(Optional<Path> kit) {
        /** The arguments in any order; empty when they are not exactly one of the two forms. */
        static Optional<UpdateArgs> parse(List<String> args) {
            if (!args.contains(UPDATE) || !args.contains(YES)) {
                return Optional.empty();
            }
            if (args.size() == 2) {
                return Optional.of(new UpdateArgs(Optional.empty()));
            }
            int kit = args.indexOf(KIT);
            if (args.size() == 4 && kit >= 0 && kit + 1 < args.size() && !args.get(kit + 1).startsWith("--")) {
                return Optional.of(new UpdateArgs(Optional.of(Path.of(args.get(kit + 1)))));
            }
            return Optional.empty();
        }
    }

    /** Whether these arguments are a command without a window. */
    static boolean isCommand(List<String> args) {
        return args.contains(CHECK) || args.contains(UPDATE);
    }

    private static int line(PrintStream out, String text, int code) {
        out.println(text);
        out.flush();
        return code;
    }
}
