package dev.specforge.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecReaderTest {

    private final SpecReader reader = new SpecReader(SpecDefaults.STANDARD);

    @Test
    void should_detect_the_native_format_by_content_whatever_the_syntax() throws Exception {
        byte[] yaml = Files.readAllBytes(Path.of("src/test/resources/specs/orders.yaml"));
        ProjectModel fromYaml = reader.read(yaml);
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(reader.tree(yaml));
        ProjectModel fromJson = reader.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(fromYaml.format()).isEqualTo(SpecFormat.NATIVE);
        assertThat(fromJson).isEqualTo(fromYaml);
        assertThat(fromYaml.entities()).extracting(Entity::name).containsExactly("Customer", "Order", "CustomerStatus");
        assertThat(fromYaml.project().packageName()).isEqualTo("com.acme.orders");
    }

    @Test
    void should_accept_a_utf8_byte_order_mark() {
        byte[] spec = "\uFEFFspecforge: 1\nproject: {name: bom}\nentities: [{name: A, fields: [{name: id, type: string}]}]\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(spec).project().name()).isEqualTo("bom");
    }

    @Test
    void should_refuse_what_it_cannot_read_with_a_clear_reason() {
        assertThatThrownBy(() -> reader.read(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.read(new byte[]{(byte) 0xC3, 0x28, 0x0A}))
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> reader.read("- a\n- b\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SpecException.class).hasMessageContaining("root must be a mapping");
        assertThatThrownBy(() -> reader.read("swagger: '1.2'\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("/swagger: Swagger version '1.2' is not supported; use 2.0");
        assertThatThrownBy(() -> reader.read("{\"$schema\": \"x\", \"type\": \"object\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("the JSON Schema defines no object, enum or union type to generate");
        assertThatThrownBy(() -> reader.read("{\"$ref\": \"https://example.com/s.json\", \"$schema\": \"x\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("behind an external reference").hasMessageContaining("https://example.com/s.json");
        assertThatThrownBy(() -> reader.read("name: x\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown spec format");
    }

    @Test
    void should_refuse_duplicate_entity_and_field_names_naming_where() {
        String dupEntity = "specforge: 1\nproject: {name: d}\nentities:\n"
                + "  - {name: A, fields: [{name: id, type: string}]}\n  - {name: A, fields: [{name: id, type: string}]}\n";
        assertThatThrownBy(() -> reader.read(dupEntity.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SpecException.class).hasMessage("/entities/1/name: duplicate entity name 'A'");
        String dupField = "specforge: 1\nproject: {name: d}\nentities:\n"
                + "  - {name: A, fields: [{name: id, type: string}, {name: id, type: long}]}\n";
        assertThatThrownBy(() -> reader.read(dupField.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("/entities/0/fields/1/name: duplicate field name 'id' in entity 'A'");
    }

    @Test
    void should_read_json_only_escapes_that_a_yaml_parser_refuses() {
        String json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"a\\/b\", \"version\": \"1\","
                + " \"description\": \"https:\\/\\/x.org\\/l \\u2028 \\ud83d\\ude80 \\t \\\"q\\\" \\u00e9\"},"
                + " \"paths\": {}}";
        ProjectModel model = reader.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(model.project().name()).isEqualTo("a-b");
        assertThat(model.project().description()).isEqualTo("https://x.org/l \u2028 \uD83D\uDE80 \t \"q\" \u00e9");
        assertThat(model.source()).isEqualTo(new ProjectModel.Source(SpecFormat.OPENAPI, "openapi", 0));
    }

    @Test
    void should_still_read_a_yaml_flow_mapping_that_is_not_json() {
        String flow = "{specforge: 1, project: {name: flow}, entities: [{name: A, fields: [{name: id, type: long}]}]}";
        assertThat(reader.read(flow.getBytes(StandardCharsets.UTF_8)).project().name()).isEqualTo("flow");
    }

    @Test
    void should_refuse_broken_json_with_the_json_parsers_reason_and_where() {
        assertThatThrownBy(() -> reader.read("{\"specforge\": 1,\n \"project\": {\"name\": \"x\"} x}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SpecException.class).hasMessageStartingWith("line 2, column ")
                .hasMessageContaining("not well-formed JSON: ");
        assertThatThrownBy(() -> reader.read("{\"specforge\": 1} {\"b\": 2}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not well-formed JSON: ").hasMessageContaining("Trailing token");
    }

    @Test
    void should_refuse_duplicate_keys_in_json_as_in_yaml() {
        assertThatThrownBy(() -> reader.read("{\"specforge\": 1, \"project\": {\"name\": \"a\", \"name\": \"b\"}}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SpecException.class).hasMessageStartingWith("line 1, column ")
                .hasMessageContaining("not well-formed JSON: ").hasMessageContaining("'name'");
        assertThatThrownBy(() -> reader.read("specforge: 1\nproject: {name: a, name: b}\n"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SpecException.class).hasMessageContaining("not well-formed YAML: ")
                .hasMessageContaining("'name'");
    }

    @Test
    void should_stop_a_json_bomb_of_nested_arrays_or_objects_at_the_depth_limit() {
        byte[] arrays = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read(arrays)).isInstanceOf(SpecException.class)
                .hasMessageContaining("nesting depth").hasMessageContaining(String.valueOf(SpecReader.MAX_DEPTH));
        String objects = "{\"a\":".repeat(300) + "1" + "}".repeat(300);
        assertThatThrownBy(() -> reader.read(objects.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("nesting depth");
    }

    @Test
    void should_refuse_a_json_string_over_the_length_limit() {
        String json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"" + "a".repeat(SpecReader.MAX_STRING_CHARS + 1)
                + "\", \"version\": \"1\"}, \"paths\": {}}";
        assertThatThrownBy(() -> reader.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SpecException.class).hasMessageContaining(String.valueOf(SpecReader.MAX_STRING_CHARS));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {"a": {"type": "string"}}} | $schema
            {"$defs": {"A": {"type": "object", "properties": {"a": {"type": "string"}}}}}                                   | $defs
            definitions: {A: {type: object, properties: {a: {type: string}}}}                                                | definitions
            {"type": "object", "properties": {"a": {"type": "string"}}}                                                     | type: object with properties
            {type: [object, "null"], properties: {a: {type: string}}}                                                       | type: object with properties
            {"title": "Event", "properties": {"a": {"type": "string"}}}                                                     | title with properties
            {"title": "Events", "type": "array", "items": {"type": "object", "properties": {"a": {"type": "string"}}}}         | type: array with items
            {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}}]}                                         | allOf
            {"title": "U", "oneOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {"type": "object", "properties": {"b": {"type": "integer"}}}]} | oneOf
            {"title": "U", "anyOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {"type": "null"}]}           | anyOf
            {"title": "Color", "enum": ["red", "green"]}                                                                    | enum
            """)
    void should_recognise_a_json_schema_by_its_shape_and_say_which_rule_did(String document, String rule) {
        ProjectModel model = reader.read(document.getBytes(StandardCharsets.UTF_8));
        assertThat(model.source().format()).isEqualTo(SpecFormat.JSON_SCHEMA);
        assertThat(model.source().detectedBy()).isEqualTo(rule);
        assertThat(model.entities()).isNotEmpty();
    }

    @Test
    void should_recognise_a_root_ref_as_a_schema_and_explain_that_it_is_never_fetched() {
        assertThatThrownBy(() -> reader.read("{\"$ref\": \"https://example.com/order.json\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("behind an external reference").hasMessageContaining("https://example.com/order.json");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"name": "my-lib", "version": "1.0.0", "dependencies": {"a": "^1"}}           | 'name', 'version', 'dependencies'
            properties: {a: b}                                                          | 'properties'
            {"type": "object", "properties": "not a mapping"}                           | 'type', 'properties'
            {"title": "x", "items": {"type": "string"}}                                 | 'title', 'items'
            asyncapi: 2.6.0                                                             | 'asyncapi'
            """)
    void should_refuse_a_document_of_no_known_shape_naming_what_was_looked_for_and_what_was_found(String document,
                                                                                                  String keys) {
        assertThatThrownBy(() -> reader.read(document.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("/: unknown spec format: expected ")
                .hasMessageContaining("'$schema'").hasMessageContaining("'type: object' or a 'title' with 'properties'")
                .hasMessageEndingWith("the top-level keys are " + keys);
    }

    @Test
    void should_report_a_lossy_decision_once_however_often_its_definition_is_reached() {
        String doc = """
                {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                 "definitions": {"sig": {"$ref": "jsf.json#/definitions/signature"}},
                 "properties": {"a": {"$ref": "#/definitions/sig"}, "b": {"$ref": "#/definitions/sig"},
                                "c": {"$ref": "#/definitions/sig"}}}
                """;
        assertThat(reader.read(doc.getBytes(StandardCharsets.UTF_8)).warnings()).containsExactly(
                "$ref jsf.json#/definitions/signature is not in this document and is not fetched (external"
                        + " references never are); mapped to Object at #/definitions/sig");
    }

    @Test
    void should_resolve_local_refs_against_a_urn_id_as_protocol_standards_write_them() {
        String doc = """
                {"$id": "urn:OCPP:Cp:2:2020:3:HeartbeatResponse", "type": "object",
                 "definitions": {"CustomDataType": {"type": "object", "properties": {"vendorId": {"type": "string"}}}},
                 "properties": {"currentTime": {"type": "string", "format": "date-time"},
                                "customData": {"$ref": "#/definitions/CustomDataType"}}}
                """;
        ProjectModel model = reader.read(doc.getBytes(StandardCharsets.UTF_8));
        assertThat(model.warnings()).isEmpty();
        assertThat(model.project().name()).isEqualTo("heartbeat-response");
        Entity root = model.entity("HeartbeatResponse").orElseThrow();
        assertThat(root.fields()).filteredOn(f -> f.name().equals("customData")).singleElement()
                .satisfies(f -> assertThat(f.type().target()).isEqualTo("CustomDataType"));
    }
}
