package io.desktopstarter.updater.install;

import java.nio.file.Path;
import java.util.List;

/** What an install hand-off did. */
public sealed interface InstallOutcome {
    /** The new version is in place and started once successfully. */
    record Installed(String version, Path location) implements InstallOutcome {
    }

    /** The new version failed its smoke start; the previous version is active again. */
    record RolledBack(String version, String reason) implements InstallOutcome {
    }

    /** The updater may not do this itself (no privileges); the user runs {@code command}. */
    record ManualStep(String instructions, List<String> command) implements InstallOutcome {
        public ManualStep {
            command = List.copyOf(command);
        }
    }

    /** An OS installer was started; the app must quit now so the installer can replace it. */
    record Launched(List<String> command) implements InstallOutcome {
        public Launched {
            command = List.copyOf(command);
        }
    }

    /** Nothing changed; {@code reason} says why. */
    record Failed(String reason) implements InstallOutcome {
    }
}
