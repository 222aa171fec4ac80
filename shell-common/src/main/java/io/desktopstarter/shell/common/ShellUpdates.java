package io.desktopstarter.shell.common;

import io.desktopstarter.updater.flow.UpdateService;
import io.desktopstarter.updater.flow.UpdateState;
import io.desktopstarter.updater.flow.UpdaterSetup;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The updater as a shell sets it up: feed and keys from the environment, the installed package format from the launcher config. */
public final class ShellUpdates {
    private ShellUpdates() {
    }

    private static UpdateService service(ShellContext context, String version, Consumer<UpdateState> onState) {
        return UpdaterSetup.create(context.shell(), version, context.appData(), System.getenv(), systemProperties(), onState);
    }

    /**
     * The update flow a shell's menus drive: the service, its progress fed to the dialogs, and the
     * backend stopped before a Windows installer runs.
     */
    public static UpdatePrompts prompts(ShellContext context, Class<?> shellClass, PromptView view, Runnable quit) {
        UpdatePrompts[] prompts = new UpdatePrompts[1];
        UpdateService service = service(context, ShellContext.version(shellClass), state -> {
            if (prompts[0] != null) {
                prompts[0].onState(state);
            }
        });
        prompts[0] = new UpdatePrompts(service, view, () -> {
            if (service.installReplacesFilesInUse()) {
                context.backend().stop();
            }
        }, quit);
        return prompts[0];
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return properties;
    }
}
