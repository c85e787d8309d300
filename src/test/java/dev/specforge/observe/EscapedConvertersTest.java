package dev.specforge.observe;

import dev.specforge.support.HostileDisplayText;
import dev.specforge.support.LogCapture;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code logback.xml}'s {@code %escapedMsg} and {@code %escapedEx}: one line per record, one line per frame. */
class EscapedConvertersTest {

    private static final Logger LOG = LoggerFactory.getLogger(EscapedConvertersTest.class);

    @Test
    void should_escape_the_message_and_every_exception_message_and_keep_the_frames_on_their_own_lines() {
        String log;
        try (LogCapture capture = LogCapture.start()) {
            IllegalStateException cause = new IllegalStateException("cause " + HostileDisplayText.TEXT);
            RuntimeException error = new RuntimeException("top " + HostileDisplayText.TEXT, cause);
            error.addSuppressed(new IllegalArgumentException("suppressed " + HostileDisplayText.TEXT));
            LOG.error("message {}", HostileDisplayText.TEXT, error);
            log = capture.text();
        }

        assertThat(HostileDisplayText.problems(log)).isEmpty();
        assertThat(log.lines().filter(l -> l.contains("\\u001B]0;pwned")).toList()).hasSize(4)
                .anyMatch(l -> l.contains(" - message \\u001B]0;pwned"))
                .anyMatch(l -> l.startsWith("java.lang.RuntimeException: top \\u001B"))
                .anyMatch(l -> l.startsWith("Caused by: java.lang.IllegalStateException: cause \\u001B"))
                .anyMatch(l -> l.contains("Suppressed: java.lang.IllegalArgumentException: suppressed \\u001B"));
        assertThat(log.lines()).anyMatch(l -> l.startsWith("\tat dev.specforge.observe.EscapedConvertersTest."));
    }
}
