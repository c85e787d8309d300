package dev.specforge.spec;

import org.junit.jupiter.api.Test;

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
}
