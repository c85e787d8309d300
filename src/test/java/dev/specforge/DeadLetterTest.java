package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.pipeline.EsbHeaders;
import dev.specforge.support.SpecforgeTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest extends SpecforgeTestSupport {

    @Test
    void should_move_a_spec_that_violates_the_schema_to_the_dead_letter_with_an_error_report_naming_the_field() throws Exception {
        byte[] spec = Files.readAllBytes(Path.of("src/test/resources/specs/bad-schema.yaml"));
        dropAndAwait(spec, "bad-schema.yaml");

        JsonNode error = readJson(deadLetter.resolve("bad-schema.yaml.error.json"));
        assertThat(error.path("spec").asText()).isEqualTo("bad-schema.yaml");
        assertThat(error.path("stage").asText()).isEqualTo("parse");
        assertThat(error.path("error").asText()).isEqualTo("SpecException");
        assertThat(error.path("location").asText()).isEqualTo("/entities/0/fields/0/type");
        assertThat(error.path("message").asText()).contains("/entities/0/fields/0/type").contains("enumeration");
        assertThat(error.path("time").asText()).isNotBlank();
        assertOnlyInDeadLetter("bad-schema.yaml", spec);
    }

    @Test
    void should_move_broken_yaml_to_the_dead_letter_with_the_line_of_the_problem() throws Exception {
        byte[] spec = Files.readAllBytes(Path.of("src/test/resources/specs/broken.yaml"));
        dropAndAwait(spec, "broken.yaml");

        JsonNode error = readJson(deadLetter.resolve("broken.yaml.error.json"));
        assertThat(error.path("message").asText()).contains("not well-formed YAML: ");
        assertThat(error.path("location").asText()).startsWith("line ");
        assertOnlyInDeadLetter("broken.yaml", spec);
    }

    @Test
    void should_name_an_unknown_ref_target_and_list_the_known_entities() throws Exception {
        byte[] spec = Files.readAllBytes(Path.of("src/test/resources/specs/unknown-ref.yaml"));
        dropAndAwait(spec, "unknown-ref.yaml");

        JsonNode error = readJson(deadLetter.resolve("unknown-ref.yaml.error.json"));
        assertThat(error.path("location").asText()).isEqualTo("/entities/0/fields/0/target");
        assertThat(error.path("message").asText()).contains("unknown entity 'Order'").contains("Customer");
        assertOnlyInDeadLetter("unknown-ref.yaml", spec);
    }

    @Override
    protected java.util.Properties extraProperties() {
        java.util.Properties p = new java.util.Properties();
        p.put("specforge.spec.max-bytes", "2048");
        return p;
    }

    @Test
    void should_refuse_a_spec_over_the_size_limit_without_reading_it() throws Exception {
        byte[] spec = ("specforge: 1\n# " + "x".repeat(3000) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        dropAndAwait(spec, "huge.yaml");

        JsonNode error = readJson(deadLetter.resolve("huge.yaml.error.json"));
        assertThat(error.path("message").asText())
                .isEqualTo("the spec is " + spec.length + " bytes, over the limit of 2048 bytes"
                        + " (specforge.spec.max-bytes); it was not read");
        assertOnlyInDeadLetter("huge.yaml", spec);
    }

    @Test
    void should_dead_letter_the_original_body_of_a_spec_sent_by_another_route() throws Exception {
        String spec = "openapi: 2.5.0\ninfo: {title: x, version: '1'}\npaths: {}\n";
        Exchange result = template.send("direct:generate", ex -> {
            ex.getMessage().setBody(spec);
            ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, "from-esb.yaml");
        });

        assertThat(result.isFailed()).isTrue();
        assertThat(deadLetter.resolve("from-esb.yaml")).hasContent(spec);
        JsonNode error = readJson(deadLetter.resolve("from-esb.yaml.error.json"));
        assertThat(error.path("location").asText()).isEqualTo("/openapi");
        assertThat(error.path("message").asText()).contains("'2.5.0' is not supported");
    }

    private void assertOnlyInDeadLetter(String name, byte[] original) {
        assertThat(inbox.resolve(name)).doesNotExist();
        assertThat(inbox.resolve(".done").resolve(name)).doesNotExist();
        assertThat(deadLetter.resolve(name)).exists().hasBinaryContent(original);
        assertThat(outbox.resolve(name.replace(".yaml", ".zip"))).doesNotExist();
    }

}
