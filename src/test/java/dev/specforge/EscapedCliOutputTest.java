package dev.specforge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.cli.SpecforgeCommand;
import dev.specforge.io.InvisibleCharacters;
import dev.specforge.support.HostileDisplayText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: {@code specforge generate} prints spec paths, progress, result lines and the log with control characters
 * escaped, whatever a spec's file name and text hold, and its JSON (dry-run plan, report, the dead letter's
 * {@code error.json}) has them as JSON escapes. Runs the CLI in this JVM with stdout and stderr captured (the
 * console appender writes to whatever {@code System.err} is at the time).
 */
class EscapedCliOutputTest {

    @TempDir
    Path dir;

    @Test
    void should_print_hostile_file_names_and_spec_text_escaped_on_stdout_and_stderr() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Path good = specs.resolve(HostileDisplayText.FILE_NAME);
        Files.writeString(good, HostileDisplayText.ordersWithHostileDescription());
        Path bad = specs.resolve("bad-" + HostileDisplayText.FILE_NAME.replace(".yaml", ".json"));
        Files.write(bad, HostileDisplayText.openApiWithHostileVersion());
        ByteArrayOutputStream stdoutBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream stderrBytes = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int exit;
        try {
            System.setOut(new PrintStream(stdoutBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderrBytes, true, StandardCharsets.UTF_8));
            exit = SpecforgeCommand.execute("generate", good.toString(), bad.toString(), "-o",
                    dir.resolve("out").toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String out = stdoutBytes.toString(StandardCharsets.UTF_8);
        String err = stderrBytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(out + err).isEqualTo(1);
        String escapedName = "evil\\u001B]0;pwned\\u0007\\u001B[31mred\\u009B32mgreen\\u202Eevil\\r\\n"
                + HostileDisplayText.FORGED;
        assertThat(out).contains(specs + "/" + escapedName + ".yaml: ok, ")
                .contains(specs + "/bad-" + escapedName
                        + ".json: FAILED: /openapi: OpenAPI version '\\u001B]0;pwned\\u0007");
        assertThat(HostileDisplayText.problems(out)).as(out).isEmpty();
        assertThat(err).as("the dead letter's warning on stderr")
                .contains(": failed at parse: OpenAPI version '\\u001B]0;pwned");
        assertThat(HostileDisplayText.problems(err)).as(err).isEmpty();
    }

    @Test
    void should_print_a_hostile_missing_file_name_escaped_in_the_usage_error() {
        ByteArrayOutputStream stderrBytes = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(stderrBytes, true, StandardCharsets.UTF_8));
            exit = SpecforgeCommand.execute("generate", dir.resolve(HostileDisplayText.FILE_NAME).toString());
        } finally {
            System.setErr(stderr);
        }
        String err = stderrBytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).isEqualTo(2);
        assertThat(err).contains("/evil\\u001B]0;pwned\\u0007").endsWith(".yaml: no such file\n");
        assertThat(HostileDisplayText.problems(err)).as(err).isEmpty();
    }

    @Test
    void should_print_a_dry_run_failure_that_quotes_hostile_spec_text_escaped() throws Exception {
        Path bad = Files.write(dir.resolve("bad-" + HostileDisplayText.FILE_NAME.replace(".yaml", ".json")),
                HostileDisplayText.openApiWithHostileVersion());
        ByteArrayOutputStream stdoutBytes = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(stdoutBytes, true, StandardCharsets.UTF_8));
            exit = SpecforgeCommand.execute("generate", "--dry-run", bad.toString(), "-o",
                    dir.resolve("out").toString());
        } finally {
            System.setOut(stdout);
        }
        String out = stdoutBytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).isEqualTo(1);
        assertThat(out).contains(".json: FAILED: /openapi: OpenAPI version '\\u001B]0;pwned\\u0007");
        assertThat(HostileDisplayText.problems(out)).as(out).isEmpty();
    }

    @Test
    void should_write_the_dead_letters_error_json_with_hidden_characters_as_json_escapes() throws Exception {
        Path bad = Files.write(dir.resolve("bad.json"), HostileDisplayText.openApiWithHostileVersion());
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(ignored, true, StandardCharsets.UTF_8));
            exit = SpecforgeCommand.execute("generate", bad.toString(), "-o", dir.resolve("out").toString());
        } finally {
            System.setOut(stdout);
        }
        List<Path> reports;
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            reports = files.filter(f -> f.getFileName().toString().endsWith("error.json")).toList();
        }

        assertThat(exit).isEqualTo(1);
        assertThat(reports).hasSize(1);
        String json = Files.readString(reports.get(0));
        // the parser's message quotes the version: C0 controls are JSON escapes anyway; C1 CSI and RLO must be too
        assertThat(json).contains("\\u009b32mgreen\\u202eevil");
        assertThat(json.codePoints().filter(InvisibleCharacters::hidden).mapToObj(Integer::toHexString))
                .as("hidden characters in %s", reports.get(0)).isEmpty();
        assertThat(new ObjectMapper().readTree(json).toString()).as("still JSON").contains("pwned");
    }
}
