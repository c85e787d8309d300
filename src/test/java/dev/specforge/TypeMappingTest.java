package dev.specforge;

import dev.specforge.support.CompiledTypes;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.Golden;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files for the type mapping of hand-written schemas (src/test/resources/specs/types): JSON Schema 2020-12
 * and draft-04, OpenAPI 3.0 and Swagger 2.0, each dropped into the inbox of the real Camel Main. The golden files are
 * the generated Java types and the report's warnings; every project must compile.
 */
class TypeMappingTest extends SpecforgeTestSupport {

    private static final Path TYPES = Path.of("src/test/resources/specs/types");

    /** Jackson over the generated classes (type ids resolve through their class loader). */
    private com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** Loads a generated class compiled into {@code work/classes}, and makes {@code mapper} see that class loader. */
    private Class<?> compiled(String className) throws Exception {
        CompiledTypes types = CompiledTypes.in(work.resolve("classes"));
        mapper = types.mapper();
        return types.load(className);
    }

    private static Object component(Object record, String name) throws Exception {
        return record.getClass().getMethod(name).invoke(record);
    }

    private GeneratedZip generate(String spec, String expectedFormat) throws Exception {
        String base = spec.substring(0, spec.lastIndexOf('.'));
        return generateAndCompile(TYPES.resolve(spec), expectedFormat, "types/" + base);
    }

    private static void golden(GeneratedZip project, String base, String packagePath, String... types)
            throws Exception {
        goldenModels(project, "types/" + base, packagePath, types);
    }

    @Test
    void should_map_every_json_schema_2020_12_construct_to_java_types_annotations_and_warnings() throws Exception {
        GeneratedZip project = generate("catalog.schema.json", "json_schema");
        golden(project, "catalog.schema", "com/example/catalog", "Catalog", "Status", "Dimensions", "Owner",
                "CatalogPayment", "Card", "BankTransfer", "CatalogAudit");

        // the generated types behave as the schema says, with Jackson
        Class<?> catalog = compiled("com.example.catalog.model.Catalog");
        Object item = mapper.readValue("""
                {"id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "name": "Lamp", "price": 12.5, "secret": "s3",
                 "payment": {"iban": "NL91ABNA0417164300"}}
                """, catalog);
        assertThat(component(item, "id")).as("readOnly is not read from a request").isNull();
        assertThat(component(item, "quantity")).as("default").isEqualTo(1);
        assertThat(component(item, "active")).isEqualTo(Boolean.TRUE);
        assertThat(component(item, "status")).hasToString("DRAFT");
        assertThat(component(item, "tags")).isEqualTo(List.of());
        assertThat(component(item, "payment").getClass().getSimpleName()).isEqualTo("BankTransfer");
        String written = mapper.writeValueAsString(item);
        assertThat(written).as("writeOnly is never written").doesNotContain("secret").doesNotContain("s3")
                .contains("\"quantity\":1");
    }

    @Test
    void should_read_draft_04_ids_tuple_items_and_boolean_exclusive_bounds() throws Exception {
        GeneratedZip project = generate("legacy.schema.json", "json_schema");
        golden(project, "legacy.schema", "com/example/legacy", "Legacy", "Node");
    }

    @Test
    void should_map_openapi_3_0_nullable_read_only_all_of_and_one_of_schemas() throws Exception {
        GeneratedZip project = generate("shop.openapi.yaml", "openapi");
        golden(project, "shop.openapi", "com/example/shop", "Order", "Shipping", "Pickup", "Delivery", "Line");

        Class<?> shipping = compiled("com.example.shop.model.Shipping");
        assertThat(mapper.readValue("{\"method\": \"locker\", \"store\": \"Ams\"}", shipping).getClass()
                .getSimpleName()).as("discriminator mapping").isEqualTo("Pickup");
        assertThat(mapper.readValue("{\"method\": \"Delivery\", \"address\": \"Dam 1\"}", shipping).getClass()
                .getSimpleName()).as("discriminator default: the schema name").isEqualTo("Delivery");
    }

    @Test
    void should_convert_swagger_2_0_to_openapi_3_and_keep_its_operations() throws Exception {
        GeneratedZip project = generate("pets.swagger.yaml", "swagger");
        golden(project, "pets.swagger", "com/example/petregistry", "Pet", "PetKind");
        assertThat(project.files()).containsKey("src/main/resources/routes/pets-api.camel.yaml");
        assertThat(project.files().get("src/main/resources/routes/pets-api.camel.yaml")).contains("listPets");
    }
}
