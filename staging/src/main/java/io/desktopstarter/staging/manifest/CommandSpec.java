package io.desktopstarter.staging.manifest;

import java.util.List;
import java.util.Objects;

/**
 * A process to start: an argument array whose first element is the executable. Relative paths
 * are relative to the manifest's directory, which is also the process's working directory, so
 * arguments such as {@code -cp app/x.jar} resolve the same way.
 */
public record CommandSpec(List<String> command) {
    public CommandSpec {
        Objects.requireNonNull(command, "command");
        command = List.copyOf(command);
        if (command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("command must name an executable");
        }
    }

    public CommandSpec plus(String argument) {
        var list = new java.util.ArrayList<>(command);
        list.add(argument);
        return new CommandSpec(list);
    }
}
