package io.desktopstarter.core.logging;

import ch.qos.logback.core.rolling.RollingFileAppender;
import io.desktopstarter.core.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A rolling log file only its owner can read. Logback creates log files with the process umask
 * (0644 under the usual 022); this appender creates the folder 0700 and each file 0600 before
 * Logback opens it, at start and after every roll-over (the rolled files keep the mode when renamed).
 */
public final class PrivateRollingFileAppender<E> extends RollingFileAppender<E> {
    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName).toAbsolutePath();
        PrivateFiles.folder(file.getParent());
        PrivateFiles.file(file);
        super.openFile(fileName);
    }
}
