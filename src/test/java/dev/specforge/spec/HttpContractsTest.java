package dev.specforge.spec;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.support.Corpus;
import dev.specforge.support.OpenApiJudge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests and answers of {@code contract.json} ({@link HttpContracts}) agree with an independent OpenAPI
 * validator ({@link OpenApiJudge}) reading the real document: every valid request is valid, every invalid one is
 * not, and every default answer has a documented status and a body that validates. Corpus documents of several
 * shapes; skipped with a message when the corpus is absent.
 */
class HttpContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/specs/contracts");

    private static ProjectModel read(String fixture) throws Exception {
        return new SpecReader(SpecDefaults.STANDARD).read(Files.readAllBytes(FIXTURES.resolve(fixture)), fixture);
    }

    private static JsonNode operation(JsonNode contract, String id) {
        for (JsonNode op : contract.path("operations")) {
            if (op.path("id").asText().equals(id)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + id);
    }

    @Test
    void base_path_parameters_and_schemas_follow_the_document() throws Exception {
        ProjectModel model = read("things.openapi.yaml");
        JsonNode contract = JSON.readTree(model.http().json());
        assertThat(model.http().basePath()).isEqualTo("/v2/things-api");
        assertThat(contract.path("basePath").asText()).isEqualTo("/v2/things-api");

        JsonNode list = operation(contract, "listThings");
        assertThat(list.path("parameters").findValuesAsText("name")).as("Accept is ignored (OpenAPI 4.7.12)")
                .containsExactly("limit", "X-Trace");
        JsonNode limit = list.path("parameters").get(0);
        assertThat(limit.path("style").asText()).isEqualTo("form");
        assertThat(limit.path("explode").asBoolean()).isTrue();
        assertThat(limit.path("required").asBoolean()).isFalse();
        assertThat(list.path("cases").path("invalid").path("reason").asText())
                .isEqualTo("header parameter X-Trace is required");
        assertThat(list.path("cases").path("invalid").path("headers").has("X-Trace")).isFalse();
        assertThat(list.path("cases").path("valid").path("headers").has("X-Trace")).isTrue();

        JsonNode thing = contract.path("$defs").path("Thing");
        assertThat(thing.path("required")).as("read-only id is not required").containsExactly(JSON.valueToTree("name"));
        assertThat(thing.path("properties").path("weight").path("type").toString()).isEqualTo("[\"number\",\"null\"]");
        assertThat(thing.path("properties").path("weight").path("exclusiveMinimum").asInt()).isZero();
        assertThat(thing.path("properties").path("weight").has("minimum")).isFalse();
        assertThat(thing.path("properties").path("code").path("enum").toString()).isEqualTo("[\"a\",\"b\",null]");
        assertThat(thing.has("x-vendor")).isFalse();
        assertThat(thing.path("properties").has("x-ignored")).as("a property named x-... is a property").isTrue();
        assertThat(operation(contract, "getReport").path("answer").isNull()).as("no 2xx response").isTrue();
        assertThat(model.entity("Orphan")).as("the model keeps every schema").isPresent();
        assertThat(model.http().uses("Thing")).isTrue();
        assertThat(model.http().uses("Orphan")).as("no operation uses it").isFalse();
    }

    @Test
    void answers_and_requests_use_valid_examples_and_build_the_rest() throws Exception {
        ProjectModel model = read("things.openapi.yaml");
        JsonNode contract = JSON.readTree(model.http().json());
        JsonNode create = operation(contract, "createThing");
        assertThat(create.path("answer").path("status").asInt()).isEqualTo(201);
        assertThat(create.path("answer").path("body").path("name").asText()).isEqualTo("spanner");
        JsonNode body = create.path("cases").path("valid").path("body");
        assertThat(body.path("name").isTextual()).as("the document's example {name: 42} is not valid: %s", body)
                .isTrue();
        assertThat(body.path("name").asText()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(model.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("/paths/~1things/post/requestBody: the document's example does not validate"));
        JsonNode get = operation(contract, "getThing");
        assertThat(get.path("answer").path("body").path("weight").asDouble()).isEqualTo(1.5);
        assertThat(get.path("cases").path("valid").path("path").asText()).isEqualTo("/things/7");
        assertThat(get.path("cases").path("invalid").path("path").asText()).isEqualTo("/things/not-a-integer");
        JsonNode patch = operation(contract, "patchThing");
        assertThat(patch.path("answer").path("status").asInt()).as("2XX answers 200").isEqualTo(200);
        assertThat(patch.path("answer").path("contentType").isNull()).isTrue();
        assertThat(patch.path("cases").path("valid").path("contentType").asText())
                .isEqualTo("application/merge-patch+json");
    }

    @Test
    void a_collection_and_its_item_path_make_a_seeded_resource() throws Exception {
        JsonNode contract = JSON.readTree(read("things.openapi.yaml").http().json());
        assertThat(operation(contract, "createThing").path("resource").path("role").asText()).isEqualTo("create");
        JsonNode list = operation(contract, "listThings").path("resource");
        assertThat(list.path("role").asText()).isEqualTo("list");
        assertThat(list.path("listProperty").asText()).isEqualTo("items");
        assertThat(operation(contract, "getThing").path("resource").path("idParameter").asText())
                .isEqualTo("thingId");
        assertThat(operation(contract, "patchThing").path("resource").path("role").asText()).isEqualTo("update");
        assertThat(operation(contract, "deleteThing").path("resource").path("role").asText()).isEqualTo("delete");

        assertThat(operation(contract, "getReport").path("resource").isNull()).isTrue();
        JsonNode thing = contract.path("resources").path("Thing");
        assertThat(thing.path("idProperty").asText()).isEqualTo("id");
        assertThat(thing.path("idType").asText()).isEqualTo("integer");
        assertThat(thing.path("seed")).hasSize(1);
        assertThat(thing.path("seed").get(0).path("id").asLong()).as("the id the tests ask for").isEqualTo(7);
        assertThat(thing.path("seed").get(0).path("name").asText()).isEqualTo("spanner");
    }

    @Test
    void a_swagger_document_is_served_as_written_and_its_base_path_kept() throws Exception {
        ProjectModel model = read("things.swagger.json");
        assertThat(model.http().basePath()).isEqualTo("/legacy");
        assertThat(JSON.readTree(model.http().document()).path("swagger").asText()).isEqualTo("2.0");
        JsonNode get = operation(JSON.readTree(model.http().json()), "getThing");
        assertThat(get.path("answer").path("body").path("name").asText()).isEqualTo("bolt");
        assertThat(get.path("cases").path("invalid").isNull()).as("a string path parameter cannot be wrong").isTrue();
    }

    @Test
    void a_204_answer_has_no_content_even_when_the_document_declares_some() throws Exception {
        JsonNode answer = operation(JSON.readTree(read("no-content.openapi.yaml").http().json()), "deleteJob")
                .path("answer");
        assertThat(answer.path("status").asInt()).isEqualTo(204);
        assertThat(answer.path("contentType").isNull()).isTrue();
        assertThat(answer.path("body").isNull()).isTrue();
    }

    @Test
    void specs_without_operations_have_no_contract() throws Exception {
        ProjectModel model = new SpecReader(SpecDefaults.STANDARD).read(
                Files.readAllBytes(Path.of("src/test/resources/specs/conformance.yaml")), "conformance.yaml");
        assertThat(model.http()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openapi/swagger-petstore-v3.openapi.yaml", "openapi/box-openapi-v2025.0.json",
            "openapi/xero-projects.yaml", "openapi/redocly-museum.openapi.yaml",
            "openapi/apisguru/tsapi.net.json", "openapi/oai-example-petstore-expanded.yaml",
            "openapi/oai-example-link-example.yaml", "openapi/twilio_lookups_v2.yaml"})
    void requests_and_answers_agree_with_an_independent_validator(String document) throws Exception {
        agree(Corpus.file(document));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"contracts/things.openapi.yaml", "contracts/things.swagger.json"})
    void requests_and_answers_of_our_fixtures_agree_with_an_independent_validator(String fixture) throws Exception {
        agree(Path.of("src/test/resources/specs").resolve(fixture));
    }

    private static void agree(Path spec) throws Exception {
        ProjectModel model = new SpecReader(SpecDefaults.STANDARD).read(Files.readAllBytes(spec),
                spec.getFileName().toString());
        JsonNode contract = JSON.readTree(model.http().json());
        OpenApiJudge judge = new OpenApiJudge(spec, contract.path("basePath").asText());
        List<String> failures = new ArrayList<>();
        for (JsonNode op : contract.path("operations")) {
            String what = op.path("method").asText() + " " + op.path("path").asText();
            Request valid = judge.request(op, op.path("cases").path("valid"));
            judge.requestErrors(valid).forEach(e -> failures.add(what + " valid request: " + e));
            JsonNode invalid = op.path("cases").path("invalid");
            if (invalid.isObject() && judge.requestErrors(judge.request(op, invalid)).isEmpty()) {
                failures.add(what + " invalid request is valid: " + invalid.path("reason").asText());
            }
            JsonNode answer = op.path("answer");
            if (answer.isObject()) {
                String contentType = answer.path("contentType").asText("");
                String body = contentType.isEmpty() ? "" : OpenApiJudge.body(answer);
                judge.responseErrors(valid, OpenApiJudge.response(answer.path("status").asInt(), contentType, body))
                        .forEach(e -> failures.add(what + " answer: " + e));
            }
        }
        assertThat(failures).isEmpty();
    }
}
