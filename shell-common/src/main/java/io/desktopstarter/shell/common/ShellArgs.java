package io.desktopstarter.shell.common;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command line of the shell.
 *
 * @param backendDir  staged backend tree; default: {@code backend/} beside the app, else {@code .stage/backend}
 * @param devBackend  run the backend from a build output directory instead ({@code core/target})
 * @param splashMin   minimum time the splash stays up (default 1.2 s, 0 in smoke mode)
 * @param startPage   the page to open after sign-in
 * @param smokeIdle   in smoke mode, how long to stay idle after the first page before measuring RSS
 * @param passThrough arguments handed to an already running instance
 * @param automation  {@code --automation}: the test driver, if {@code DESKTOP_STARTER_AUTOMATION=1} as well
 */
public record ShellArgs(boolean smoke, Optional<Path> backendDir, Optional<Path> devBackend, Duration splashMin,
        String startPage, Duration smokeIdle, List<String> passThrough, boolean automation) {

    public static final String USAGE = """
            Usage: desktop-java-starter [--smoke] [--backend=DIR | --dev-backend=DIR] [--splash-min-ms=N] [--start-page=/path]
              --smoke            start, wait for the first page, print one JSON timing line, quit (exit 0 on success)
              --backend=DIR      staged backend tree (default: the one installed with the app, or .stage/backend)
              --dev-backend=DIR  run the backend from its build output (e.g. core/target) with this JDK
              --splash-min-ms=N  keep the splash up at least N ms (default 1200; 0 with --smoke)
              --start-page=PATH  local page to open first (default /items/)
            Or, without a window:
              --check-for-updates  print AVAILABLE/UP-TO-DATE/REJECTED/UPDATES-OFF/ERROR and exit 10/11/12/14/13
              --update --yes       download, verify and install the update now (the app must not be running):
                                   INSTALLED exit 0; UP-TO-DATE 11, REJECTED 12, ERROR/ROLLED-BACK 13, UPDATES-OFF 14, RUNNING 15
              --update --kit DIR --yes  the same from an update kit folder (air-gapped; nothing is downloaded)
            Test aid, not for production:
              --automation       with DESKTOP_STARTER_AUTOMATION=1 in the environment: the test driver listens on
                                 automation.sock in the app-data folder (shell-common README); alone it is ignored
            """;

    public static ShellArgs parse(List<String> args) {
        boolean smoke = args.contains("--smoke");
        Optional<Path> backend = Optional.empty();
        Optional<Path> dev = Optional.empty();
        Duration splash = smoke ? Duration.ZERO : Duration.ofMillis(1200);
        String start = "/items/";
        Duration idle = Duration.ZERO;
        boolean automation = false;
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                continue;
            } else if (arg.equals("--automation")) {
                automation = true;
            } else if (arg.startsWith("--backend=")) {
                backend = Optional.of(Path.of(value(arg)));
            } else if (arg.startsWith("--dev-backend=")) {
                dev = Optional.of(Path.of(value(arg)));
            } else if (arg.startsWith("--splash-min-ms=")) {
                splash = millis(arg);
            } else if (arg.startsWith("--smoke-idle-ms=")) {
                idle = millis(arg);
            } else if (arg.startsWith("--start-page=")) {
                start = value(arg);
                if (!start.startsWith("/") || start.startsWith("//")) {
                    throw new IllegalArgumentException("--start-page must be a local path such as /tasks/");
                }
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else {
                rest.add(arg);
            }
        }
        if (backend.isPresent() && dev.isPresent()) {
            throw new IllegalArgumentException("use either --backend or --dev-backend, not both");
        }
        return new ShellArgs(smoke, backend, dev, splash, start, idle, rest, automation);
    }

    private static Duration millis(String arg) {
        try {
            long ms = Long.parseLong(value(arg));
            if (ms < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(arg.substring(0, arg.indexOf('=')) + " needs a number of milliseconds");
        }
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }
}
