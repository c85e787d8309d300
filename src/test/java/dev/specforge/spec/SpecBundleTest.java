package dev.specforge.spec;

import dev.specforge.support.Zips;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Multi-file specs read from zips, on the model: zips of several JSON Schemas without a root (schema sets, as schema
 * collections and protocol standards publish them), the single-root rule that zips of OpenAPI documents keep, and
 * references between files (the inbox-level cases, zip-slip and bombs, are in {@code MultiFileSpecTest}).
 */
class SpecBundleTest {

    private static final Path SET = Path.of("src/test/resources/specs/shapes/schema-set");

    private final SpecReader reader = new SpecReader(SpecDefaults.STANDARD);

    /** The fixture set under a folder prefix, as zipping a folder gives. */
    private static byte[] fixtureZip(String prefix) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SET)) {
            for (Path f : files.sorted().toList()) {
                entries.put(prefix + f.getFileName(), Files.readAllBytes(f));
            }
        }
        return Zips.of(entries);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Asserts where fields refer, each given as {@code "Entity.field -> Target"}. */
    private static void assertRefs(ProjectModel model, String... refs) {
        for (String ref : refs) {
            String[] parts = ref.split(" -> ");
            String[] at = parts[0].split("\\.");
            assertThat(field(model, at[0], at[1]).type().target()).as(ref).isEqualTo(parts[1]);
        }
    }

    private static Field field(ProjectModel model, String entity, String field) {
        return model.entity(entity).orElseThrow().fields().stream().filter(f -> f.name().equals(field)).findFirst()
                .orElseThrow();
    }

    @Test
    void should_make_one_project_of_every_schema_of_a_set_and_what_they_refer_to() throws Exception {
        ProjectModel model = reader.read(fixtureZip("shop-schemas/v1/"), "shop-schemas.zip");

        assertThat(model.source()).isEqualTo(new ProjectModel.Source(SpecFormat.JSON_SCHEMA, "schema set", 0));
        assertThat(model.project().name()).isEqualTo("shop-schemas");
        assertThat(model.entities()).extracting(Entity::name).containsExactlyInAnyOrder(
                "Address", "Customer", "Money", "Order", "OrderLine", "Payment", "Product",
                "CountryCode", "Currency", "CustomData", "OrderStatus",
                "PaymentMethod", "PaymentMethodCard", "PaymentMethodBankTransfer");
        assertThat(model.warnings()).containsExactly(
                "multi-file spec: a set of 8 JSON Schemas without a root, each a type (10 files)");
        // relative, ./relative, fragment and absolute $id references all land on the set's own types
        assertRefs(model, "Order.customer -> Customer", "Order.lines -> OrderLine", "Customer.addresses -> Address",
                "Money.currency -> Currency", "Address.country -> CountryCode", "Payment.order -> Order");
        // the same definition in two files is one type
        assertRefs(model, "Payment.customData -> CustomData", "Order.customData -> CustomData");
        assertThat(field(model, "Customer", "id").type().type()).isEqualTo(FieldType.UUID);
    }

    @Test
    void should_name_a_set_after_its_zip_and_key_nothing_on_entry_order() throws Exception {
        assertThat(reader.read(fixtureZip(""), "Shop Messages v2.zip").project().name())
                .isEqualTo("shop-messages-v2");
        assertThat(reader.read(fixtureZip(""), null).project().name()).isEqualTo("json-schemas");
    }

    @Test
    void should_keep_apart_definitions_that_share_a_name_but_differ_and_merge_those_that_are_the_same() {
        String custom = "\"CustomDataType\": {\"type\": \"object\", \"properties\": {\"vendorId\": {\"type\":"
                + " \"string\", \"maxLength\": 255}}, \"required\": [\"vendorId\"]}";
        String draft04 = "\"$schema\": \"http://json-schema.org/draft-04/schema#\", ";
        Map<String, byte[]> set = new LinkedHashMap<>();
        set.put("HeartbeatRequest.json", utf8("{" + draft04 + "\"id\": \"urn:OCPP:Cp:2:2020:3:HeartbeatRequest\","
                + " \"definitions\": {" + custom + "}, \"type\": \"object\", \"properties\": {\"customData\":"
                + " {\"$ref\": \"#/definitions/CustomDataType\"}}}"));
        set.put("HeartbeatResponse.json", utf8("{" + draft04 + "\"id\": \"urn:OCPP:Cp:2:2020:3:HeartbeatResponse\","
                + " \"definitions\": {" + custom + ", \"StatusEnumType\": {\"type\": \"string\", \"enum\":"
                + " [\"Accepted\", \"Rejected\"]}}, \"type\": \"object\", \"properties\": {\"customData\":"
                + " {\"$ref\": \"#/definitions/CustomDataType\"}, \"status\": {\"$ref\": \"#/definitions/StatusEnumType\"}},"
                + " \"required\": [\"status\"]}"));
        set.put("ResetRequest.json", utf8("{" + draft04 + "\"id\": \"urn:OCPP:Cp:2:2020:3:ResetRequest\","
                + " \"definitions\": {\"CustomDataType\": {\"type\": \"object\", \"properties\": {\"tenant\":"
                + " {\"type\": \"string\"}}}}, \"type\": \"object\", \"properties\": {\"customData\":"
                + " {\"$ref\": \"#/definitions/CustomDataType\"}}}"));
        set.put("StatusRequest.json", utf8("{\"definitions\": {" + custom.replace("{\"type\": \"object\",",
                "{\"description\": \"Custom data, described here only.\", \"type\": \"object\",") + "}, \"type\":"
                + " \"object\", \"properties\": {\"customData\": {\"$ref\": \"#/definitions/CustomDataType\"}}}"));
        ProjectModel model = reader.read(zip(set), "ocpp.zip");

        assertThat(model.entities()).extracting(Entity::name).containsExactlyInAnyOrder("HeartbeatRequest",
                "HeartbeatResponse", "ResetRequest", "StatusRequest", "CustomDataType", "CustomDataType2",
                "StatusEnumType");
        assertRefs(model, "StatusRequest.customData -> CustomDataType", "HeartbeatRequest.customData -> CustomDataType",
                "HeartbeatResponse.customData -> CustomDataType", "ResetRequest.customData -> CustomDataType2",
                "HeartbeatResponse.status -> StatusEnumType");
        assertThat(model.warnings()).containsExactly(
                "multi-file spec: a set of 4 JSON Schemas without a root, each a type (4 files)",
                "StatusRequest.json#/definitions/CustomDataType differs from CustomDataType only in its title,"
                        + " description or examples: one type CustomDataType, documented as first seen");
    }

    @Test
    void should_keep_the_single_root_rule_for_openapi_and_read_json_schemas_at_the_top_as_a_set() throws Exception {
        Map<String, byte[]> api = new LinkedHashMap<>();
        api.put("openapi.yaml", utf8("openapi: 3.0.3\ninfo: {title: Pets, version: 1.0.0}\npaths: {}\ncomponents:\n"
                + "  schemas:\n    Pet: {type: object, properties: {owner: {$ref: './owner.yaml'}}}\n"));
        api.put("owner.yaml", utf8("type: object\nproperties:\n  name: {type: string}\n"));
        api.put("vet.json", utf8("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\","
                + " \"properties\": {\"name\": {\"type\": \"string\"}}}"));
        ProjectModel model = reader.read(zip(api), "pets.zip");
        assertThat(model.source().format()).isEqualTo(SpecFormat.OPENAPI);
        assertThat(model.project().name()).isEqualTo("pets");
        assertThat(model.entities()).extracting(Entity::name).containsExactly("Pet", "Owner");

        Map<String, byte[]> schemas = new LinkedHashMap<>();
        schemas.put("order.json", utf8("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"title\":"
                + " \"Order\", \"type\": \"object\", \"properties\": {\"line\": {\"$ref\": \"line.json\"}}}"));
        schemas.put("line.json", utf8("{\"type\": \"object\", \"properties\": {\"sku\": {\"type\": \"string\"}}}"));
        schemas.put("unrelated.json", utf8("{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}"));
        ProjectModel set = reader.read(zip(schemas), "order.zip");
        assertThat(set.source().detectedBy()).isEqualTo("schema set");
        assertThat(set.entities()).extracting(Entity::name).containsExactlyInAnyOrder("Order", "Line", "Unrelated");
        assertRefs(set, "Order.line -> Line");

        schemas.remove("unrelated.json");
        schemas.remove("line.json");
        schemas.put("parts/line.json", utf8("{\"type\": \"object\", \"properties\": {\"sku\": {\"type\": \"string\"}}}"));
        schemas.put("order.json", utf8(new String(schemas.get("order.json"), StandardCharsets.UTF_8)
                .replace("line.json", "parts/line.json")));
        ProjectModel rooted = reader.read(zip(schemas), "order.zip");
        assertThat(rooted.source().detectedBy()).isEqualTo("$schema");
        assertThat(rooted.project().name()).isEqualTo("order");
        assertThat(rooted.entities()).extracting(Entity::name).containsExactly("Order", "Line");
    }

    @Test
    void should_refuse_several_top_level_specs_that_are_not_all_json_schemas_saying_how_to_name_the_root() {
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("a.yaml", utf8("openapi: 3.0.3\ninfo: {title: A, version: 1.0.0}\npaths: {}\n"));
        two.put("b.yaml", utf8("swagger: '2.0'\ninfo: {title: B, version: 1.0.0}\npaths: {}\n"));
        two.put("c.json", utf8("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\","
                + " \"properties\": {\"x\": {\"type\": \"string\"}}}"));
        assertThatThrownBy(() -> reader.read(zip(two), "two.zip")).isInstanceOf(SpecException.class)
                .hasMessageContaining("the zip has 3 top-level spec files [a.yaml, b.yaml, c.json], of which"
                        + " [a.yaml, b.yaml] are not JSON Schemas")
                .hasMessageContaining("add an entry named 'specforge-root'");

        Map<String, byte[]> none = new LinkedHashMap<>();
        none.put("notes.json", utf8("{\"name\": \"not a schema\"}"));
        none.put("docs/readme.md", utf8("# no spec here"));
        assertThatThrownBy(() -> reader.read(zip(none), "none.zip"))
                .hasMessageContaining("the zip has no spec file");

        Map<String, byte[]> folders = new LinkedHashMap<>();
        folders.put("api/openapi.yaml", utf8("openapi: 3.0.3\ninfo: {title: A, version: 1.0.0}\npaths: {}\n"));
        folders.put("schemas/pet.json", utf8("{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}"));
        assertThatThrownBy(() -> reader.read(zip(folders), "folders.zip"))
                .hasMessageContaining("the zip has no top-level spec file, and its folders hold 2 spec files"
                        + " [api/openapi.yaml, schemas/pet.json], of which [api/openapi.yaml] are not JSON Schemas")
                .hasMessageContaining("specforge-root");
    }

    @Test
    void should_read_a_collection_kept_in_folders_as_a_set_of_all_its_schemas() {
        Map<String, byte[]> folders = new LinkedHashMap<>();
        folders.put("json_schema/advisory.json", utf8("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
                + " \"type\": \"object\", \"properties\": {\"score\": {\"$ref\": \"../referenced/cvss.json\"}}}"));
        folders.put("json_schema/provider.json", utf8("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
                + " \"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}"));
        folders.put("referenced/cvss.json", utf8("{\"type\": \"object\", \"properties\": {\"base\": {\"type\":"
                + " \"number\"}}}"));
        folders.put("referenced/extra.yaml", utf8("title: Extra\ntype: object\nproperties: {a: {type: string}}\n"));
        folders.put("README.md", utf8("# a collection"));
        ProjectModel model = reader.read(zip(folders), "csaf.zip");
        assertThat(model.source().detectedBy()).isEqualTo("schema set");
        assertThat(model.entities()).extracting(Entity::name)
                .containsExactlyInAnyOrder("Advisory", "Provider", "Cvss", "Extra");
        assertThat(field(model, "Advisory", "score").type().target()).isEqualTo("Cvss");
    }

    @Test
    void should_warn_about_the_specs_of_a_zip_that_its_root_never_reaches() {
        Map<String, byte[]> rooted = new LinkedHashMap<>();
        rooted.put("root.json", utf8("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$id\":"
                + " \"https://ex.com/root.json\", \"$defs\": {\"Base\": {\"type\": \"object\", \"properties\":"
                + " {\"a\": {\"type\": \"string\"}}}}}"));
        rooted.put("facets/Facet.json", utf8("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
                + " \"type\": \"object\", \"properties\": {\"base\": {\"$ref\": \"https://ex.com/root.json#/$defs/Base\"}}}"));
        rooted.put("facets/notes.json", utf8("{\"note\": \"not a spec\"}"));
        ProjectModel model = reader.read(zip(rooted), "lineage.zip");
        assertThat(model.entities()).extracting(Entity::name).containsExactly("Base");
        assertThat(model.warnings()).contains("1 specs in the zip are neither the root nor referred to from it, and"
                + " were not read: [facets/Facet.json]; to generate them too, refer to them from the root, or put"
                + " them at the top of the zip beside it (several JSON Schemas at the top are read as one set)");
    }

    @Test
    void should_point_discriminator_mappings_that_name_other_files_at_the_schemas_moved_in() {
        Map<String, byte[]> api = new LinkedHashMap<>();
        api.put("openapi.yaml", utf8("""
                openapi: 3.0.3
                info: {title: Actions, version: 1.0.0}
                paths: {}
                components:
                  schemas:
                    Action:
                      oneOf: [{$ref: 'models/reboot.yml'}, {$ref: 'models/resize.yml#/resize'}]
                      discriminator:
                        propertyName: type
                        mapping: {reboot: 'models/reboot.yml', resize: 'models/resize.yml#/resize'}
                """));
        api.put("models/reboot.yml", utf8("type: object\nrequired: [type]\nproperties: {type: {type: string}}\n"));
        api.put("models/resize.yml", utf8("resize:\n  type: object\n  required: [type]\n  properties:\n"
                + "    type: {type: string}\n    size: {type: string}\n"));
        ProjectModel model = reader.read(zip(api), "actions.zip");

        assertThat(model.warnings()).containsExactly("multi-file spec: root openapi.yaml of 3 files");
        Entity action = model.entity("Action").orElseThrow();
        assertThat(action.discriminator()).isEqualTo("type");
        assertThat(action.discriminatorValues()).containsEntry("Reboot", List.of("reboot"))
                .containsEntry("Resize", List.of("resize"));
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        try {
            return Zips.of(entries);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
