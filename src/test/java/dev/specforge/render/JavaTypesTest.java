package dev.specforge.render;

import dev.specforge.spec.Constraints;
import dev.specforge.spec.Field;
import dev.specforge.spec.FieldType;
import dev.specforge.spec.TypeRef;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java expressions generated for schema defaults. */
class JavaTypesTest {

    private static String expression(TypeRef type, String defaultJson) {
        Field f = new Field("f", "f", type, null, false, false, Constraints.NONE, null, false,
                Field.Access.READ_WRITE, defaultJson);
        return JavaTypes.defaultExpression(f, Map.of("open", "State.OPEN")::get);
    }

    @Test
    void should_turn_defaults_that_parse_into_factory_calls_and_refuse_those_that_do_not() {
        assertThat(expression(TypeRef.of(FieldType.DATE), "\"2024-01-02\""))
                .isEqualTo("java.time.LocalDate.parse(\"2024-01-02\")");
        assertThat(expression(TypeRef.of(FieldType.DATETIME), "\"2024-01-02T03:04:05Z\""))
                .isEqualTo("java.time.OffsetDateTime.parse(\"2024-01-02T03:04:05Z\")");
        assertThat(expression(TypeRef.of(FieldType.UUID), "\"3fa85f64-5717-4562-b3fc-2c963f66afa6\""))
                .isEqualTo("java.util.UUID.fromString(\"3fa85f64-5717-4562-b3fc-2c963f66afa6\")");
        assertThat(expression(TypeRef.of(FieldType.URI), "\"https://example.com/a.parse(b\""))
                .isEqualTo("java.net.URI.create(\"https://example.com/a.parse(b\")");
        assertThat(expression(TypeRef.of(FieldType.DATE), "\"tomorrow\"")).isNull();
        assertThat(expression(TypeRef.of(FieldType.URI), "\"a b\"")).isNull();
    }

    @Test
    void should_write_number_string_enum_and_empty_collection_defaults_as_literals() {
        assertThat(expression(TypeRef.of(FieldType.LONG), "7")).isEqualTo("7L");
        assertThat(expression(TypeRef.of(FieldType.INTEGER), "3000000000")).isNull();
        assertThat(expression(TypeRef.of(FieldType.DECIMAL), "0.10")).isEqualTo("new java.math.BigDecimal(\"0.10\")");
        assertThat(expression(TypeRef.of(FieldType.DECIMAL), "12345678901234567890.5"))
                .isEqualTo("new java.math.BigDecimal(\"12345678901234567890.5\")");
        assertThat(expression(TypeRef.of(FieldType.STRING), "\"say \\\"hi\\\"\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(expression(new TypeRef(FieldType.ENUM, "State", null, false), "\"open\"")).isEqualTo("State.OPEN");
        assertThat(expression(new TypeRef(FieldType.ENUM, "State", null, false), "\"closed\"")).isNull();
        assertThat(expression(TypeRef.of(FieldType.STRING).asList(), "[]")).isEqualTo("java.util.List.of()");
        assertThat(expression(TypeRef.of(FieldType.MAP), "{\"a\": 1}")).isNull();
    }

    private static Field field(String name, TypeRef type, boolean required, Constraints c) {
        return new Field(name, name, type, null, required, false, c, null, false, Field.Access.READ_WRITE, null);
    }

    @Test
    void should_annotate_exactly_the_validation_rules_spec_first_then_enforced_suggestions() throws Exception {
        var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"kind\": \"notBlank\"}, {\"kind\": \"maxLength\", \"value\": \"255\"},"
                        + " {\"kind\": \"pattern\", \"value\": \"^x$\"}]");
        Constraints pattern = new Constraints(2, null, null, null, "^[a-z]+$", false, false, null, null);
        assertThat(JavaTypes.annotations(field("name", TypeRef.of(FieldType.STRING), true, pattern), answer, true))
                .as("the spec's pattern wins; its minLength and the answer's maxLength are two @Size")
                .containsExactly("@jakarta.validation.constraints.NotNull",
                        "@jakarta.validation.constraints.Size(min = 2)",
                        "@jakarta.validation.constraints.Pattern(regexp = \"^[a-z]+$\")",
                        "@jakarta.validation.constraints.NotBlank",
                        "@jakarta.validation.constraints.Size(max = 255)");
        var items = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"kind\": \"maxItems\", \"value\": \"9\"}]");
        Constraints minItems = new Constraints(null, null, null, null, null, false, false, 1, null);
        assertThat(JavaTypes.annotations(field("lines", new TypeRef(FieldType.REF, "Line", null, true), false,
                minItems), items, true))
                .containsExactly("@jakarta.validation.constraints.Size(min = 1)", "@jakarta.validation.Valid",
                        "@jakarta.validation.constraints.Size(max = 9)");
    }

    @Test
    void should_annotate_only_the_spec_rules_when_suggestions_are_not_enforced() throws Exception {
        var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"kind\": \"notBlank\"}, {\"kind\": \"maxLength\", \"value\": \"255\"},"
                        + " {\"kind\": \"pattern\", \"value\": \"^https?://\"}]");
        Constraints min = new Constraints(2, null, null, null, null, false, false, null, null);
        assertThat(JavaTypes.annotations(field("name", TypeRef.of(FieldType.STRING), true, min), answer, false))
                .containsExactly("@jakarta.validation.constraints.NotNull",
                        "@jakarta.validation.constraints.Size(min = 2)");
        var items = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"kind\": \"maxItems\", \"value\": \"9\"}]");
        assertThat(JavaTypes.annotations(field("lines", new TypeRef(FieldType.REF, "Line", null, true), false,
                Constraints.NONE), items, false))
                .containsExactly("@jakarta.validation.Valid");
    }

    @Test
    void should_bound_integral_fields_with_min_and_max_and_others_with_decimal_bounds() {
        Constraints c = new Constraints(null, null, new java.math.BigDecimal("1"),
                new java.math.BigDecimal("100000000000000000000"), null, false, true, null, null);
        assertThat(JavaTypes.annotations(field("n", TypeRef.of(FieldType.LONG), false, c)))
                .containsExactly("@jakarta.validation.constraints.Min(1L)",
                        "@jakarta.validation.constraints.DecimalMax(value = \"100000000000000000000\", inclusive = false)");
        assertThat(JavaTypes.annotations(field("d", TypeRef.of(FieldType.DECIMAL), false, c)))
                .containsExactly("@jakarta.validation.constraints.DecimalMin(\"1\")",
                        "@jakarta.validation.constraints.DecimalMax(value = \"100000000000000000000\", inclusive = false)");
    }
}
