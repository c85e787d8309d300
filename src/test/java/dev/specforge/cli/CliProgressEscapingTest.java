package dev.specforge.cli;

import dev.specforge.pipeline.SpecRun;
import dev.specforge.support.HostileDisplayText;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: both progress displays show a hostile spec name escaped. The bar is what a terminal gets (Surefire has
 * no console, so the CLI tests see only the plain lines); it redraws itself with a carriage return, and nothing else.
 */
class CliProgressEscapingTest {

    private static final SpecRun.Progress PROGRESS = new SpecRun.Progress(HostileDisplayText.FILE_NAME, "render", 3,
            10, 2, 1500, 1000);

    @Test
    void should_show_a_hostile_spec_name_escaped_in_the_progress_bar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CliProgress bar = new CliProgress.Bar(HostileDisplayText.FILE_NAME,
                new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            bar.update(PROGRESS);
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);

        assertThat(shown).contains("evil\\u001B]0;pwned\\u0007");
        assertThat(HostileDisplayText.problems(shown.replace("\r", ""))).as(shown).isEmpty();
    }

    @Test
    void should_show_a_hostile_spec_name_escaped_in_a_plain_progress_line() {
        StringWriter lines = new StringWriter();
        try (CliProgress plain = CliProgress.of(HostileDisplayText.FILE_NAME, false, new PrintWriter(lines))) {
            plain.update(PROGRESS);
        }

        assertThat(lines.toString()).startsWith("evil\\u001B]0;pwned\\u0007").contains(": render 3/10 files");
        assertThat(HostileDisplayText.problems(lines.toString())).as(lines.toString()).isEmpty();
    }
}
