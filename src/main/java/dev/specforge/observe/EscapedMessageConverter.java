package dev.specforge.observe;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.specforge.io.DisplayText;

/**
 * The {@code %escapedMsg} conversion word of {@code logback.xml}: a log event's formatted message with control,
 * format and line-breaking characters escaped by {@link DisplayText#escape} (issue 23). It covers every log line at
 * once, specforge's own, the Camel {@code log:} steps of the routes and third-party lines alike, so spec text (a file
 * name, a description, a parser error quoting the spec) can neither send a terminal escape to the reader's terminal
 * nor start a forged log line: every log record is one line, followed by its stack trace if it has one
 * ({@link EscapedThrowableConverter}).
 */
public final class EscapedMessageConverter extends MessageConverter {

    /**
     * @param event a log event
     * @return its formatted message, escaped
     */
    @Override
    public String convert(ILoggingEvent event) {
        return DisplayText.escape(super.convert(event));
    }
}
