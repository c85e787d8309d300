package dev.specforge.spec;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Edge cases of the schema mapping, read through the real {@link SpecReader}. */
class SchemaMapperTest {

    private final SpecReader reader = new SpecReader(SpecDefaults.STANDARD);

    private ProjectModel read(String text) {
        return reader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Field field(ProjectModel m, String entity, String field) {
        return m.entity(entity).orElseThrow().fields().stream().filter(f -> f.name().equals(field)).findFirst()
                .orElseThrow();
    }

    @Test
    void should_resolve_a_local_ref_that_is_not_a_valid_uri_as_a_plain_pointer() {
        ProjectModel m = read("""
                openapi: 3.0.3
                info: {title: t, version: 1.0.0}
                paths: {}
                components:
                  schemas:
                    Order Line: {type: object, properties: {sku: {type: string}}}
                    Order: {type: object, properties: {line: {$ref: "#/components/schemas/Order Line"}}}
                """);
        assertThat(field(m, "Order", "line").type()).isEqualTo(new TypeRef(FieldType.REF, "OrderLine", null, false));
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void should_map_aliases_that_refer_to_each_other_to_object_with_a_warning() {
        ProjectModel m = read("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {"a": {"$ref": "#/$defs/A"}},
                 "$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"$ref": "#/$defs/A"}}}
                """);
        assertThat(field(m, "Root", "a").type()).isEqualTo(TypeRef.ANY);
        assertThat(m.warnings()).anyMatch(w -> w.contains("refers to itself") && w.contains("at #/"));
    }

    @Test
    void should_make_a_single_object_branch_with_a_null_branch_a_nullable_reference() {
        ProjectModel m = read("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {"next": {"anyOf": [{"$ref": "#/$defs/Step"}, {"type": "null"}]}},
                 "$defs": {"Step": {"type": "object", "properties": {"n": {"type": "integer"}}}}}
                """);
        Field next = field(m, "Root", "next");
        assertThat(next.type()).isEqualTo(new TypeRef(FieldType.REF, "Step", null, false));
        assertThat(next.nullable()).isTrue();
        assertThat(m.entities()).extracting(Entity::kind).doesNotContain(Entity.Kind.UNION);
    }

    @Test
    void should_keep_at_most_250_fields_and_say_how_many_were_left_out() {
        StringBuilder props = new StringBuilder();
        for (int i = 0; i < 260; i++) {
            props.append(i == 0 ? "" : ", ").append("\"p").append(i).append("\": {\"type\": \"string\"}");
        }
        ProjectModel m = read("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"title\": \"Wide\","
                + " \"type\": \"object\", \"properties\": {" + props + "}}");
        assertThat(m.entity("Wide").orElseThrow().fields()).hasSize(SchemaMapper.MAX_FIELDS);
        assertThat(m.warnings()).containsExactly("260 properties, over the 250 a generated type can hold; the last 10"
                + " are left out at #");
    }

    @Test
    void should_keep_every_digit_of_decimal_defaults_and_bounds() {
        ProjectModel m = read("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Rate", "type": "object",
                 "properties": {"r": {"type": "number", "default": 0.10, "maximum": 12345678901234567890.5}}}
                """);
        Field r = field(m, "Rate", "r");
        assertThat(r.defaultJson()).isEqualTo("0.10");
        assertThat(r.constraints().maximum()).isEqualByComparingTo("12345678901234567890.5");
    }

    @Test
    void should_not_apply_a_default_that_does_not_fit_the_type_and_say_so() {
        ProjectModel m = read("""
                {"$schema": "http://json-schema.org/draft-07/schema#", "title": "Cfg", "type": "object",
                 "properties": {"retries": {"type": "integer", "default": "three"},
                                "tags": {"type": "array", "items": {"type": "string"}, "default": ["a"]},
                                "mode": {"enum": ["fast", "safe"], "default": "turbo"}}}
                """);
        assertThat(field(m, "Cfg", "retries").defaultJson()).isEqualTo("\"three\"");
        assertThat(m.warnings()).containsExactly(
                "default \"three\" is only documented, not applied (the type integer cannot hold it as a literal) at #/properties/retries",
                "default [\"a\"] is only documented, not applied (the type list of string cannot hold it as a literal) at #/properties/tags",
                "default \"turbo\" is only documented, not applied (the type CfgMode cannot hold it as a literal) at #/properties/mode");
    }

    @Test
    void should_map_unions_that_hold_each_other_and_an_all_of_cycle_without_a_cycle_of_types() {
        ProjectModel m = read("""
                openapi: 3.0.3
                info: {title: t, version: 1.0.0}
                paths: {}
                components:
                  schemas:
                    Leaf: {type: object, properties: {a: {type: string}}}
                    Other: {type: object, properties: {b: {type: string}}}
                    A: {oneOf: [{$ref: "#/components/schemas/B"}, {$ref: "#/components/schemas/Leaf"}]}
                    B: {oneOf: [{$ref: "#/components/schemas/A"}, {$ref: "#/components/schemas/Other"}]}
                    Ping:
                      discriminator: {propertyName: kind}
                      allOf: [{$ref: "#/components/schemas/Pong"}, {properties: {kind: {type: string}}}]
                    Pong:
                      discriminator: {propertyName: kind}
                      allOf: [{$ref: "#/components/schemas/Ping"}, {properties: {x: {type: string}}}]
                """);
        for (Entity e : m.entities()) {
            for (String u : e.unions()) {
                Entity parent = m.entity(u).orElseThrow();
                assertThat(e.unions()).as(e.name() + " is in " + u + " and must not hold it").doesNotContain(e.name());
                assertThat(parent.unions()).as(u + " holds " + e.name() + ", so it is not one of its branches")
                        .doesNotContain(e.name());
            }
        }
        assertThat(m.entity("A")).as("unions that hold each other are any JSON, with a warning").isEmpty();
        assertThat(m.warnings()).anyMatch(w -> w.contains("refers to itself") && w.endsWith("#/components/schemas/A"));
        // an allOf cycle: one of the two extends the other and is an object of its own
        Entity ping = m.entity("Ping").orElseThrow();
        Entity pong = m.entity("Pong").orElseThrow();
        assertThat(List.of(ping.kind(), pong.kind())).containsExactlyInAnyOrder(Entity.Kind.UNION, Entity.Kind.OBJECT);
        Entity object = ping.kind() == Entity.Kind.OBJECT ? ping : pong;
        assertThat(object.fields()).extracting(Field::jsonName).containsExactlyInAnyOrder("kind", "x");
        assertThat(m.warnings()).anyMatch(w -> w.contains("an allOf cycle"))
                .noneMatch(w -> w.contains("is extended by  and"));
    }
}
