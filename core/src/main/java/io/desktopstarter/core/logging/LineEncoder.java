package io.desktopstarter.core.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * {@code HH:mm:ss.SSS LEVEL [thread] logger - message} plus stack traces, formatted by hand:
 * logback's PatternLayout builds a converter table of ~100 classes at start-up, which cost
 * the backend tens of milliseconds before it could serve.
 */
final class LineEncoder extends EncoderBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        line.append(TIME.format(LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone)))
                .append(' ').append(String.format("%-5s", event.getLevel()))
                .append(" [").append(event.getThreadName()).append("] ")
                .append(abbreviate(event.getLoggerName())).append(" - ")
                .append(event.getFormattedMessage()).append('\n');
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(t == event.getThrowableProxy() ? "" : "Caused by: ")
                    .append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                line.append('\t').append(frame.getSTEAsString()).append('\n');
            }
            if (t.getCommonFrames() > 0) {
                line.append("\t... ").append(t.getCommonFrames()).append(" more\n");
            }
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    /** {@code io.desktopstarter.core.Backend} → {@code i.d.core.Backend}, as the old pattern did. */
    static String abbreviate(String name) {
        String[] parts = name.split("\\.");
        if (parts.length <= 3) {
            return name;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length - 2; i++) {
            b.append(parts[i].charAt(0)).append('.');
        }
        return b.append(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]).toString();
    }

}
