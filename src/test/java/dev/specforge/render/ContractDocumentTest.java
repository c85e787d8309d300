package dev.specforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.llm.EnrichmentItem;
import dev.specforge.llm.Enrichments;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.SpecDefaults;
import dev.specforge.spec.SpecReader;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API document every generated service serves (docs/conformance.md, C2), built from the conformance spec. */
class ContractDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProjectModel model(String spec) throws Exception {
        return new SpecReader(SpecDefaults.STANDARD).read(Files.readAllBytes(Path.of("src/test/resources/specs", spec)));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void should_be_a_valid_openapi_3_1_document_that_swagger_parser_reads_without_messages() throws Exception {
        String json = ContractDocument.json(model("conformance.yaml"), Enrichments.NONE);

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/customers", "/api/customers/{id}",
                "/api/order-lines", "/api/order-lines/{id}", "/api/notes", "/api/notes/{id}");
    }

    @Test
    void should_describe_crud_answers_and_problem_details_per_object_entity() throws Exception {
        JsonNode doc = JSON.readTree(ContractDocument.json(model("conformance.yaml"), Enrichments.NONE));

        JsonNode paths = doc.path("paths");
        assertThat(names(paths)).containsExactly("/api/customers", "/api/customers/{id}", "/api/orders",
                "/api/orders/{id}", "/api/order-lines", "/api/order-lines/{id}", "/api/notes", "/api/notes/{id}");
        assertThat(names(paths.path("/api/orders"))).containsExactly("get", "post");
        assertThat(names(paths.path("/api/orders/{id}"))).containsExactly("parameters", "get", "put", "delete");
        assertThat(names(paths.path("/api/orders").path("post").path("responses")))
                .containsExactly("201", "400", "409");
        assertThat(paths.path("/api/orders").path("post").path("responses").path("409").path("$ref").asText())
                .isEqualTo("#/components/responses/Conflict");
        assertThat(doc.path("components").path("responses").path("Conflict").path("content")
                .path("application/problem+json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(paths.path("/api/orders/{id}").path("parameters").get(0).path("schema").path("format").asText())
                .isEqualTo("int64");
        assertThat(paths.path("/api/notes/{id}").path("parameters").get(0).path("schema").path("format").asText())
                .as("an entity without an id is keyed by a UUID the service assigns").isEqualTo("uuid");
        assertThat(names(doc.path("components").path("schemas"))).containsExactly("Customer", "Order",
                "OrderLine", "Note", "CustomerStatus", "Problem");
    }

    @Test
    void should_state_every_constraint_as_a_json_schema_keyword_and_leave_the_id_optional() throws Exception {
        JsonNode schemas = JSON.readTree(ContractDocument.json(model("conformance.yaml"), Enrichments.NONE))
                .path("components").path("schemas");

        JsonNode customer = schemas.path("Customer");
        assertThat(customer.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(customer.path("required").toString()).isEqualTo("[\"email\",\"name\",\"status\"]");
        JsonNode name = customer.path("properties").path("name");
        assertThat(name.toString()).isEqualTo(
                "{\"type\":\"string\",\"minLength\":2,\"maxLength\":40,\"pattern\":\"^[A-Za-z][A-Za-z .'-]*$\"}");
        assertThat(customer.path("properties").path("email").path("format").asText()).isEqualTo("email");
        assertThat(customer.path("properties").path("status").path("$ref").asText())
                .isEqualTo("#/components/schemas/CustomerStatus");
        assertThat(schemas.path("CustomerStatus").path("enum").toString())
                .isEqualTo("[\"ACTIVE\",\"SUSPENDED\",\"in-review\"]");
        JsonNode tags = customer.path("properties").path("tags");
        assertThat(tags.path("type").toString()).as("optional: null means absent").isEqualTo("[\"array\",\"null\"]");
        assertThat(tags.path("minItems").asInt()).isEqualTo(1);
        assertThat(tags.path("maxItems").asInt()).isEqualTo(3);
        JsonNode order = schemas.path("Order").path("properties");
        assertThat(order.path("id").path("format").asText()).isEqualTo("int64");
        assertThat(order.path("id").path("type").toString()).as("the id may be left out").isEqualTo("[\"integer\",\"null\"]");
        assertThat(order.path("customer").path("$ref").asText()).as("a required reference is not nullable")
                .isEqualTo("#/components/schemas/Customer");
        assertThat(order.path("note").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(order.path("lines").path("anyOf").isMissingNode()).isTrue();
        assertThat(order.path("lines").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/OrderLine");
        assertThat(schemas.path("OrderLine").path("properties").path("id").path("format").asText()).isEqualTo("int32");
        String json = ContractDocument.json(model("conformance.yaml"), Enrichments.NONE);
        assertThat(json).as("a large bound is written in plain digits")
                .contains("\"maximum\" : 100000000000000000000").doesNotContain("1E+20");
    }

    @Test
    void should_add_the_enforced_enrichment_rules_as_keywords_or_by_name() throws Exception {
        // conformance.yaml opts in: validation: {suggestedConstraints: enforce}
        JsonNode answer = JSON.readTree("""
                {"constraints": [{"kind": "notBlank", "value": null}, {"kind": "pattern", "value": "^x"},
                                 {"kind": "maxLength", "value": "999"}], "example": "x"}""");
        Enrichments answers = new Enrichments(Map.of(
                EnrichmentItem.id(EnrichmentKind.FIELD_VALIDATORS, "Note", "text"),
                new Enrichments.Answer(answer, Enrichments.Source.OFFLINE)));

        JsonNode text = JSON.readTree(ContractDocument.json(model("conformance.yaml"), answers))
                .path("components").path("schemas").path("Note").path("properties").path("text");

        assertThat(text.path("maxLength").asInt()).as("the spec's maxLength wins").isEqualTo(200);
        assertThat(text.path("pattern").asText()).isEqualTo("^x");
        assertThat(text.path("x-specforge-rules").toString()).isEqualTo("[\"notBlank\"]");
    }

    @Test
    void should_state_no_suggestion_for_openapi_input_or_a_native_spec_without_the_key() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"constraints": [{"kind": "notBlank", "value": null}, {"kind": "pattern", "value": "^x"},
                                 {"kind": "maxLength", "value": "999"}, {"kind": "minLength", "value": "2"}],
                 "example": "x"}""");
        Enrichments answers = new Enrichments(Map.of(
                EnrichmentItem.id(EnrichmentKind.FIELD_VALIDATORS, "Pet", "name"),
                new Enrichments.Answer(answer, Enrichments.Source.OFFLINE),
                EnrichmentItem.id(EnrichmentKind.FIELD_VALIDATORS, "Customer", "name"),
                new Enrichments.Answer(answer, Enrichments.Source.OFFLINE)));

        JsonNode pet = JSON.readTree(ContractDocument.json(model("petstore.yaml"), answers))
                .path("components").path("schemas").path("Pet").path("properties").path("name");
        JsonNode customer = JSON.readTree(ContractDocument.json(model("orders.yaml"), answers))
                .path("components").path("schemas").path("Customer").path("properties").path("name");

        assertThat(names(pet)).as(pet.toString()).containsExactly("type");
        assertThat(customer.path("maxLength").asInt()).as("the spec's own constraints stay").isEqualTo(80);
        assertThat(customer.path("minLength").asInt()).isEqualTo(1);
        assertThat(customer.path("pattern").asText()).isEqualTo("^[^\\\\\"]+$");
        assertThat(customer.has("x-specforge-rules")).as(customer.toString()).isFalse();
    }

    @Test
    void should_list_no_paths_for_a_model_with_operations_of_its_own() throws Exception {
        JsonNode doc = JSON.readTree(ContractDocument.json(model("petstore.yaml"), Enrichments.NONE));

        assertThat(names(doc.path("paths"))).isEmpty();
        assertThat(doc.path("components").path("schemas").has("Pet")).isTrue();
    }
}
