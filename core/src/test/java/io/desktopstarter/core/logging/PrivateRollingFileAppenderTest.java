package io.desktopstarter.core.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import io.desktopstarter.core.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logback would create log files with the umask (0644 under 022); this appender makes them 0600. */
class PrivateRollingFileAppenderTest {
    @TempDir
    Path dir;

    @Test
    void logFilesAndTheirFolderAreOwnerOnlyAtStartAndAfterARollOver() throws IOException {
        assumeTrue(PrivateFiles.posix(dir), "POSIX permissions only");
        Path logs = dir.resolve("app-data/logs");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        PrivateRollingFileAppender<ILoggingEvent> appender = new PrivateRollingFileAppender<>();
        appender.setContext(context);
        appender.setFile(logs.resolve("backend.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(logs.resolve("backend.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        LineEncoder encoder = new LineEncoder();
        encoder.setContext(context);
        encoder.start();
        appender.setEncoder(encoder);
        try {
            appender.start();
            appender.doAppend(new LoggingEvent("test", context.getLogger("test"), Level.INFO, "before", null, null));
            appender.rollover();
            appender.doAppend(new LoggingEvent("test", context.getLogger("test"), Level.INFO, "after", null, null));
        } finally {
            appender.stop();
        }

        assertThat(mode(logs.getParent())).isEqualTo("rwx------");
        assertThat(mode(logs)).isEqualTo("rwx------");
        assertThat(logs.resolve("backend.1.log")).content().contains("before");
        assertThat(mode(logs.resolve("backend.1.log"))).isEqualTo("rw-------");
        assertThat(logs.resolve("backend.log")).content().contains("after");
        assertThat(mode(logs.resolve("backend.log"))).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
