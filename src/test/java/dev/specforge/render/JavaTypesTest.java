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
        return JavaTypes.defaultExpression(f, Map.of("open", "OPEN")::get);
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
}
