package dev.specforge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-shot CLI's log level: its output is the progress, the result lines and the summary on stdout, so the log
 * on stderr says only what went wrong (WARN and above) unless {@code -v} asks for INFO. The daemon keeps
 * {@code logback.xml}'s INFO.
 */
final class Logs {

    private Logs() {
    }

    /** @param verbose INFO when true, WARN otherwise, for every logger that {@code logback.xml} does not set */
    static void level(boolean verbose) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.INFO : Level.WARN);
    }
}
