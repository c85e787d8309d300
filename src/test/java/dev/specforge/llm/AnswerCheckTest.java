package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.SpecDefaults;
import dev.specforge.spec.SpecReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** LLM answers are untrusted: the check refuses what would break or mislead the generated code. */
class AnswerCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnswerCheck check = new AnswerCheck();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static JsonNode field(String type) throws Exception {
        return json("{\"entity\":\"Customer\",\"field\":{\"name\":\"x\",\"jsonName\":\"x\",\"type\":\"" + type + "\"}}");
    }

    @Test
    void should_accept_a_well_formed_field_validators_answer() throws Exception {
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("string"), json(
                "{\"constraints\":[{\"kind\":\"pattern\",\"value\":\"^[a-z]+$\"},{\"kind\":\"maxLength\",\"value\":\"20\"}],"
                        + "\"example\":\"abc\"}"))).isEmpty();
    }

    @Test
    void should_refuse_a_regex_that_does_not_compile_and_a_length_that_is_not_a_number() throws Exception {
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("string"), json(
                "{\"constraints\":[{\"kind\":\"pattern\",\"value\":\"([a-z\"},{\"kind\":\"maxLength\",\"value\":\"ten\"}],"
                        + "\"example\":\"abc\"}")))
                .anySatisfy(p -> assertThat(p).startsWith("/constraints/0/value: the regular expression does not compile"))
                .anySatisfy(p -> assertThat(p).startsWith("/constraints/1/value: maxLength needs a non-negative integer"));
    }

    @Test
    void should_refuse_a_bound_written_with_an_exponent_that_would_print_a_billion_digits() throws Exception {
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("decimal"), json(
                "{\"constraints\":[{\"kind\":\"maximum\",\"value\":\"1e999999999\"},{\"kind\":\"minimum\",\"value\":\"-0.5\"}],"
                        + "\"example\":\"1\"}")))
                .singleElement().asString().startsWith("/constraints/0/value: maximum needs a plain decimal number");
    }

    @Test
    void should_refuse_a_constraint_that_does_not_suit_the_type_and_one_given_twice() throws Exception {
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("integer"), json(
                "{\"constraints\":[{\"kind\":\"email\",\"value\":null},{\"kind\":\"positive\",\"value\":null},"
                        + "{\"kind\":\"positive\",\"value\":null}],\"example\":\"1\"}")))
                .containsExactly("/constraints/0/kind: 'email' does not apply to a field of type integer",
                        "/constraints/2/kind: 'positive' appears twice");
    }

    @Test
    void should_refuse_answers_outside_the_closed_schema() throws Exception {
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("string"), json(
                "{\"constraints\":[{\"kind\":\"evalThis\",\"value\":null}],\"example\":\"x\",\"extra\":1}"))).isNotEmpty();
        assertThat(check.problems(EnrichmentKind.ENTITY_DOCS, json("{}"), json("{\"description\":\"" + "x".repeat(601) + "\"}")))
                .isNotEmpty();
        assertThat(check.problems(EnrichmentKind.ENTITY_DOCS, json("{}"), null)).containsExactly("no answer was given for this item");
    }

    @Test
    void should_refuse_samples_that_are_not_json_objects_of_the_entitys_properties() throws Exception {
        JsonNode context = json("{\"entity\":{\"name\":\"Customer\",\"fields\":[{\"name\":\"name\",\"jsonName\":\"name\",\"type\":\"string\"}]}}");
        assertThat(check.problems(EnrichmentKind.SAMPLE_DATA, context, json("{\"samples\":[\"{\\\"name\\\":\\\"Jane\\\"}\"]}"))).isEmpty();
        assertThat(check.problems(EnrichmentKind.SAMPLE_DATA, context,
                json("{\"samples\":[\"not json\",\"[1]\",\"{\\\"password\\\":\\\"x\\\"}\"]}")))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("/samples/0: not JSON"))
                .contains("/samples/1: must be a JSON object", "/samples/2: 'password' is not a property of Customer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders.yaml", "tricky.openapi.yaml", "eight-entities.yaml"})
    void should_pass_every_answer_of_the_offline_provider(String spec) throws Exception {
        ProjectModel model = new SpecReader(new SpecDefaults("com.example", "0.1.0", 1 << 24))
                .read(Files.readAllBytes(Path.of("src/test/resources/specs", spec)));
        ContextFilter filter = new ContextFilter(model, 1);
        OfflineProvider offline = new OfflineProvider();
        int checked = 0;
        for (Entity e : model.entities()) {
            JsonNode ctx = filter.forEntity(e);
            assertThat(check.problems(EnrichmentKind.ENTITY_DOCS, ctx, offline.answer(EnrichmentKind.ENTITY_DOCS, ctx)))
                    .as(e.name()).isEmpty();
            assertThat(check.problems(EnrichmentKind.SAMPLE_DATA, ctx, offline.answer(EnrichmentKind.SAMPLE_DATA, ctx)))
                    .as(e.name()).isEmpty();
            for (Field f : e.fields()) {
                JsonNode fc = filter.forField(e, f);
                assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, fc,
                        offline.answer(EnrichmentKind.FIELD_VALIDATORS, fc))).as(e.name() + "." + f.name()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }
}
