package dev.specforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.spec.Constraints;
import dev.specforge.spec.Field;
import dev.specforge.spec.FieldType;
import dev.specforge.spec.TypeRef;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> kinds(List<Map<String, String>> rules) {
        return rules.stream().map(r -> r.get("kind") + (r.get("value").isEmpty() ? "" : "=" + r.get("value"))
                + "/" + r.get("source")).toList();
    }

    @Test
    void should_keep_the_spec_constraints_and_add_only_answers_the_spec_leaves_open() throws Exception {
        Field name = new Field("name", "name", TypeRef.of(FieldType.STRING), null, true, false,
                new Constraints(null, 80, null, null, "^[A-Z]"), null);
        JsonNode answer = JSON.readTree("""
                [{"kind": "maxLength", "value": "40"}, {"kind": "minLength", "value": "2"},
                 {"kind": "notBlank", "value": null}, {"kind": "pattern", "value": "^x$"},
                 {"kind": "positive", "value": null}]""");

        assertThat(kinds(ValidationRules.of(name, answer, true))).containsExactly("required/spec",
                "notBlank/enrichment", "minLength=2/enrichment", "maxLength=80/spec", "pattern=^[A-Z]/spec");
    }

    @Test
    void should_keep_only_the_spec_constraints_when_suggestions_are_not_enforced_and_document_the_rest()
            throws Exception {
        Field name = new Field("name", "name", TypeRef.of(FieldType.STRING), null, true, false,
                new Constraints(null, 80, null, null, "^[A-Z]"), null);
        JsonNode answer = JSON.readTree("""
                [{"kind": "maxLength", "value": "40"}, {"kind": "minLength", "value": "2"},
                 {"kind": "notBlank", "value": null}, {"kind": "pattern", "value": "^x$"},
                 {"kind": "positive", "value": null}]""");

        assertThat(kinds(ValidationRules.of(name, answer, false))).containsExactly("required/spec",
                "maxLength=80/spec", "pattern=^[A-Z]/spec");
        List<Map<String, String>> suggested = ValidationRules.suggested(name, answer);
        assertThat(kinds(suggested)).containsExactly("notBlank/enrichment", "minLength=2/enrichment");
        assertThat(ValidationRules.note(suggested)).isEqualTo("Suggested (not enforced): notBlank, minLength 2.");
        assertThat(ValidationRules.note(List.of())).isEmpty();
    }

    @Test
    void should_write_exclusive_bounds_as_their_own_kinds_and_not_add_a_bound_over_them() throws Exception {
        Field price = new Field("price", "price", TypeRef.of(FieldType.DECIMAL), null, false, false,
                new Constraints(null, null, new BigDecimal("0"), new BigDecimal("1E+3"), null, true, false, null, null),
                null);
        JsonNode answer = JSON.readTree("[{\"kind\": \"minimum\", \"value\": \"1\"}]");

        assertThat(kinds(ValidationRules.of(price, answer, true))).containsExactly("exclusiveMinimum=0/spec",
                "maximum=1000/spec");
    }

    @Test
    void should_give_lists_item_counts_and_nullable_required_fields_no_required_rule() {
        Field tags = new Field("tags", "tags", TypeRef.of(FieldType.STRING).asList(), null, true, false,
                new Constraints(1, 5, null, null, null, false, false, 1, 3), null, true, Field.Access.READ_WRITE,
                null);

        assertThat(kinds(ValidationRules.of(tags, null, true))).containsExactly("minItems=1/spec", "maxItems=3/spec");
    }
}
