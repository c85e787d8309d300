package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.SpecDefaults;
import dev.specforge.spec.SpecReader;
import dev.specforge.support.SchemaInstances;
import dev.specforge.support.StrictSubset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-valid means accepted: random instances of each item's answer schema (drawn by {@code SchemaInstances}, an
 * instance generator of the test support that knows nothing of specforge's rules), including the minimal ones an
 * OpenAI-compatible server with strict decoding would send, are accepted by {@link AnswerCheck} unless they break
 * one of the rules no strict schema can state. Those rules are listed here, in the test's own words:
 * <ol>
 *   <li>field-validators: a constraint kind given twice ({@code uniqueItems} is outside both strict subsets);</li>
 *   <li>field-validators: a {@code pattern} value that does not compile as a Java regular expression;</li>
 *   <li>entity-docs: a description over 600 characters ({@code maxLength} is outside both strict subsets).</li>
 * </ol>
 * Items come from real fixtures of every input format: native specs, OpenAPI 3.0 with unions, Swagger-era types,
 * JSON Schema.
 */
class AnswerSchemaPropertyTest {

    private static final List<String> SPECS = List.of("orders.yaml", "eight-entities.yaml", "tricky.openapi.yaml",
            "types/shop.openapi.yaml", "types/catalog.schema.json", "polymorphism/pets.openapi.yaml", "petstore.yaml");
    private static final List<Item> ITEMS = items();
    private final AnswerCheck check = new AnswerCheck();

    /** One item of a fixture: its kind, context and answer schema. */
    record Item(EnrichmentKind kind, String subject, JsonNode context, ObjectNode schema) {
        @Override
        public String toString() {
            return kind.id() + ":" + subject;
        }
    }

    private static List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (String spec : SPECS) {
            ProjectModel model;
            try {
                model = new SpecReader(new SpecDefaults("com.example", "0.1.0", 1 << 24))
                        .read(Files.readAllBytes(Path.of("src/test/resources/specs", spec)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ContextFilter filter = new ContextFilter(model, 1);
            for (Entity e : model.entities()) {
                add(out, EnrichmentKind.ENTITY_DOCS, e.name(), filter.forDescription(e));
                if (e.kind() == Entity.Kind.OBJECT) {
                    add(out, EnrichmentKind.SAMPLE_DATA, e.name(), filter.forEntity(e));
                }
                for (Field f : e.fields()) {
                    add(out, EnrichmentKind.FIELD_VALIDATORS, e.name() + "." + f.name(), filter.forField(e, f));
                }
            }
        }
        return List.copyOf(out);
    }

    private static void add(List<Item> out, EnrichmentKind kind, String subject, JsonNode context) {
        out.add(new Item(kind, subject, context, AnswerSchemas.item(kind, context)));
    }

    @Provide
    Arbitrary<Item> anyItem() {
        return Arbitraries.of(ITEMS);
    }

    /** @return the listed rules the answer breaks, judged by this test (not by AnswerCheck) */
    private static List<String> listedRulesBroken(EnrichmentKind kind, JsonNode answer) {
        List<String> broken = new ArrayList<>();
        if (kind == EnrichmentKind.FIELD_VALIDATORS) {
            Set<String> kinds = new HashSet<>();
            for (JsonNode c : answer.path("constraints")) {
                if (!kinds.add(c.path("kind").asText())) {
                    broken.add("kind twice");
                }
                if (c.path("kind").asText().equals("pattern")) {
                    try {
                        Pattern.compile(c.path("value").asText());
                    } catch (PatternSyntaxException e) {
                        broken.add("pattern does not compile");
                    }
                }
            }
        } else if (kind == EnrichmentKind.ENTITY_DOCS && answer.path("description").asText().length() > 600) {
            broken.add("description over 600 characters");
        }
        return broken;
    }

    @Property(tries = 3000)
    void every_schema_valid_answer_is_accepted_unless_it_breaks_a_listed_rule(@ForAll("anyItem") Item item,
                                                                              @ForAll long seed) {
        JsonNode answer = SchemaInstances.random(item.schema(), new Random(seed));
        List<String> broken = listedRulesBroken(item.kind(), answer);
        List<String> problems = check.problems(item.kind(), item.schema(), answer);
        Statistics.label("outcome").collect(broken.isEmpty() ? "accepted" : "refused for a listed rule");
        Statistics.label("kind").collect(item.kind().id());
        if (broken.isEmpty()) {
            assertThat(problems).as("%s answered %s", item, answer).isEmpty();
        } else {
            assertThat(problems).as("%s answered %s breaks %s", item, answer, broken).isNotEmpty();
        }
        Statistics.label("outcome").coverage(c -> {
            c.check("accepted").percentage(p -> p > 30);
            c.check("refused for a listed rule").count(n -> n > 0);
        });
    }

    @Example
    void every_minimal_answer_is_accepted() {
        assertThat(ITEMS).hasSizeGreaterThan(100);
        for (Item item : ITEMS) {
            JsonNode answer = SchemaInstances.minimal(item.schema());
            assertThat(check.problems(item.kind(), item.schema(), answer)).as("%s answered %s", item, answer).isEmpty();
        }
    }

    @Example
    void every_batch_schema_stays_inside_both_strict_subsets() {
        for (EnrichmentKind kind : EnrichmentKind.values()) {
            List<ObjectNode> schemas = ITEMS.stream().filter(i -> i.kind() == kind).map(Item::schema).toList();
            for (int i = 0; i < schemas.size(); i += 20) {
                ObjectNode batch = AnswerSchemas.batch(schemas.subList(i, Math.min(schemas.size(), i + 20)));
                assertThat(StrictSubset.violations(StrictSubset.Provider.OPENAI, batch)).as(kind.id()).isEmpty();
                assertThat(StrictSubset.violations(StrictSubset.Provider.ANTHROPIC, batch)).as(kind.id()).isEmpty();
            }
        }
    }
}
