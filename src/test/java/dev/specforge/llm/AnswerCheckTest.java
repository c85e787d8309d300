package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.SpecDefaults;
import dev.specforge.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LLM answers are untrusted: the check refuses what would break or mislead the generated code. Most of it is the
 * item's own answer schema (the one the provider was sent); the rest is the short list of rules no strict schema can
 * state ({@link AnswerCheck}).
 */
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
        // the length is the schema's business (its pattern), the regex only the check's
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("string"), json(
                "{\"constraints\":[{\"kind\":\"maxLength\",\"value\":\"ten\"}],\"example\":\"abc\"}")))
                .isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("/constraints/0"));
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("string"), json(
                "{\"constraints\":[{\"kind\":\"pattern\",\"value\":\"([a-z\"}],\"example\":\"abc\"}")))
                .singleElement().asString().startsWith("/constraints/0/value: the regular expression does not compile");
    }

    @Test
    void should_match_a_length_or_a_bound_whole_although_the_validators_dollar_allows_a_final_line_break() throws Exception {
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("string"), json(
                "{\"constraints\":[{\"kind\":\"maxLength\",\"value\":\"255\\n\"}],\"example\":\"abc\"}")))
                .containsExactly("/constraints/0/value: \"255\\n\" is not exactly a maxLength value");
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("decimal"), json(
                "{\"constraints\":[{\"kind\":\"minimum\",\"value\":\"0.5\\n\"}],\"example\":\"1\"}")))
                .singleElement().asString().startsWith("/constraints/0/value:");
    }

    @Test
    void should_refuse_a_bound_written_with_an_exponent_that_would_print_a_billion_digits() throws Exception {
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("decimal"), json(
                "{\"constraints\":[{\"kind\":\"maximum\",\"value\":\"1e999999999\"},{\"kind\":\"minimum\",\"value\":\"-0.5\"}],"
                        + "\"example\":\"1\"}")))
                .isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("/constraints/0"));
    }

    @Test
    void should_refuse_a_constraint_that_does_not_suit_the_type_and_one_given_twice() throws Exception {
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("integer"), json(
                "{\"constraints\":[{\"kind\":\"email\",\"value\":null}],\"example\":\"1\"}")))
                .isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("/constraints/0"));
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("integer"), json(
                "{\"constraints\":[{\"kind\":\"positive\",\"value\":null},{\"kind\":\"positive\",\"value\":null}],"
                        + "\"example\":\"1\"}")))
                .containsExactly("/constraints/1/kind: 'positive' appears twice");
    }

    @Test
    void should_ask_a_field_no_kind_suits_for_its_example_only() throws Exception {
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("boolean"), json("{\"example\":\"true\"}")))
                .isEmpty();
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("boolean"),
                json("{\"constraints\":[],\"example\":\"true\"}"))).isNotEmpty();
    }

    @Test
    void should_refuse_answers_outside_the_closed_schema() throws Exception {
        assertThat(check.problems(EnrichmentKind.FIELD_VALIDATORS, field("string"), json(
                "{\"constraints\":[{\"kind\":\"evalThis\",\"value\":null}],\"example\":\"x\",\"extra\":1}"))).isNotEmpty();
        assertThat(check.problems(EnrichmentKind.ENTITY_DOCS, json("{}"), json("{\"description\":\"" + "x".repeat(601) + "\"}")))
                .containsExactly("/description: longer than 600 characters");
        assertThat(check.problems(EnrichmentKind.ENTITY_DOCS, json("{}"), json("{\"description\":\" \\n \"}")))
                .isNotEmpty();
        assertThat(check.problems(EnrichmentKind.ENTITY_DOCS, json("{}"), null)).containsExactly("no answer was given for this item");
    }

    @Test
    void should_refuse_samples_that_are_not_objects_of_the_entitys_properties_and_types() throws Exception {
        JsonNode context = json("{\"entity\":{\"name\":\"Customer\",\"kind\":\"object\",\"fields\":["
                + "{\"name\":\"name\",\"jsonName\":\"name\",\"type\":\"string\"},"
                + "{\"name\":\"age\",\"jsonName\":\"age\",\"type\":\"integer\"}]},\"related\":[]}");
        assertThat(check.problems(EnrichmentKind.SAMPLE_DATA, context, json("{\"samples\":[{\"name\":\"Jane\",\"age\":3}]}")))
                .isEmpty();
        assertThat(check.problems(EnrichmentKind.SAMPLE_DATA, context, json("{\"samples\":[\"{\\\"name\\\":\\\"Jane\\\"}\"]}")))
                .isNotEmpty();
        assertThat(check.problems(EnrichmentKind.SAMPLE_DATA, context,
                json("{\"samples\":[{\"name\":\"Jane\",\"age\":3,\"password\":\"x\"}]}"))).isNotEmpty();
        assertThat(check.problems(EnrichmentKind.SAMPLE_DATA, context,
                json("{\"samples\":[{\"name\":\"Jane\",\"age\":\"three\"}]}"))).isNotEmpty();
        assertThat(check.problems(EnrichmentKind.SAMPLE_DATA, context, json("{\"samples\":[]}"))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders.yaml", "tricky.openapi.yaml", "eight-entities.yaml", "types/shop.openapi.yaml",
            "types/catalog.schema.json", "polymorphism/pets.openapi.yaml", "petstore.yaml"})
    void should_pass_every_answer_of_the_offline_provider(String spec) throws Exception {
        ProjectModel model = new SpecReader(new SpecDefaults("com.example", "0.1.0", 1 << 24))
                .read(Files.readAllBytes(Path.of("src/test/resources/specs", spec)));
        ContextFilter filter = new ContextFilter(model, 1);
        OfflineProvider offline = new OfflineProvider();
        int checked = 0;
        for (Entity e : model.entities()) {
            JsonNode docs = filter.forDescription(e);
            assertThat(check.problems(EnrichmentKind.ENTITY_DOCS, docs, offline.answer(EnrichmentKind.ENTITY_DOCS, docs)))
                    .as(e.name()).isEmpty();
            JsonNode ctx = filter.forEntity(e);
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
