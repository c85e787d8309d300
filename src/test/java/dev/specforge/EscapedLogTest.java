package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.HostileDisplayText;
import dev.specforge.support.LogCapture;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: terminal escapes and line breaks in a spec's file name and text reach the daemon's log only escaped. Specs
 * are dropped into the real inbox; the log is read as the console prints it ({@link LogCapture}).
 */
class EscapedLogTest extends SpecforgeTestSupport {

    @Test
    void should_log_a_hostile_file_name_and_description_escaped_on_one_line() throws Exception {
        String spec = HostileDisplayText.ordersWithHostileDescription();
        String log;
        try (LogCapture capture = LogCapture.start()) {
            dropAndAwait(spec.getBytes(StandardCharsets.UTF_8), HostileDisplayText.FILE_NAME);
            log = capture.text();
        }

        assertThat(log).contains("Received spec evil\\u001B]0;pwned\\u0007\\u001B[31mred\\u009B32mgreen\\u202Eevil"
                + "\\r\\n" + HostileDisplayText.FORGED + ".yaml (");
        assertThat(HostileDisplayText.problems(log)).isEmpty();
    }

    @Test
    void should_log_a_parser_error_that_quotes_hostile_spec_text_escaped() throws Exception {
        byte[] spec = HostileDisplayText.openApiWithHostileVersion();
        String log;
        try (LogCapture capture = LogCapture.start()) {
            dropAndAwait(spec, "quoted.json");
            log = capture.text();
        }

        JsonNode error = readJson(deadLetter.resolve("quoted.json.error.json"));
        assertThat(error.path("message").asText()).as("the report keeps the text; JSON escapes it")
                .contains(HostileDisplayText.TEXT);
        assertThat(log).contains("quoted.json: failed at parse: OpenAPI version '\\u001B]0;pwned\\u0007");
        assertThat(HostileDisplayText.problems(log)).isEmpty();
    }
}
