package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated files that fail validation send the spec to the dead letter, with the failed run's report. */
class ValidationFailureTest extends SpecforgeTestSupport {

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("specforge.templates.dir", "src/test/resources/test-stacks");
        p.put("specforge.stack.default", "broken");
        return p;
    }

    private static byte[] spec(boolean badJava) {
        return ("specforge: 1\nproject: {name: broken}\nentities: [{name: A, fields: [{name: id, type: string}]}]\n"
                + "features: {badjava: " + badJava + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_fail_a_spec_whose_critical_file_does_not_parse() throws Exception {
        dropAndAwait(spec(true), "critical.yaml");

        JsonNode error = readJson(deadLetter.resolve("critical.yaml.error.json"));
        assertThat(error.path("stage").asText()).isEqualTo("validate");
        assertThat(error.path("error").asText()).isEqualTo("GenerationFailedException");
        assertThat(error.path("message").asText()).startsWith("1 critical file(s) missing or invalid: Bad.java: ");
        JsonNode report = error.path("report");
        assertThat(report.path("status").asText()).isEqualTo("failed");
        assertThat(report.path("counts").path("files").asInt()).isEqualTo(3);
        assertThat(report.path("files").findValuesAsText("path")).containsExactly("Bad.java", "Good.java", "notes.txt");
        assertThat(report.path("files").get(0).path("valid").asBoolean()).isFalse();
        assertThat(report.path("files").get(0).path("check").asText()).isEqualTo("java");
        assertThat(outbox.resolve("critical.zip")).doesNotExist();
        assertThat(deadLetter.resolve("critical.yaml")).exists();
    }

    @Test
    void should_fail_a_spec_with_too_few_valid_files_and_name_the_template_error() throws Exception {
        dropAndAwait(spec(false), "ratio.yaml");

        JsonNode error = readJson(deadLetter.resolve("ratio.yaml.error.json"));
        assertThat(error.path("message").asText())
                .startsWith("only 1 of 2 files valid (50.0%, minimum 95.0%): notes.txt: broken/Missing.txt.ftl line 1");
        JsonNode notes = error.path("report").path("files").get(1);
        assertThat(notes.path("check").asText()).isEqualTo("render");
        assertThat(notes.path("problem").asText()).contains("evaluated to null or missing: ==> no ").doesNotContain("Tip:");
        assertThat(outbox.resolve("ratio.zip")).doesNotExist();
    }
}
