package dev.specforge.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The log exactly as the daemon prints it: an appender on the root logger with the pattern of {@code logback.xml}'s
 * {@code STDERR} appender (and so its conversion words), writing into memory instead of stderr, with the root at
 * the daemon's INFO (a CLI run in the same JVM may have left it at WARN). Close it to detach it and restore the
 * level.
 */
public final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger root;
    private final Level level;

    private LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var stderr = root.getAppender("STDERR");
        if (!(stderr instanceof OutputStreamAppender<ILoggingEvent> console)
                || !(console.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> wrapping)
                || !(wrapping instanceof PatternLayoutEncoder configured)) {
            throw new IllegalStateException("logback.xml's STDERR appender with a pattern is not configured");
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(configured.getPattern());
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setContext(context);
        appender.setName("capture");
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.start();
        level = root.getLevel();
        root.setLevel(Level.INFO);
        root.addAppender(appender);
    }

    /** @return a capture of every log line from now on, until {@link #close} */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** @return what was logged so far, as the console would have shown it */
    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(level);
        appender.stop();
    }
}
