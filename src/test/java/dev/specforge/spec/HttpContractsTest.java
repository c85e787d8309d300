package dev.specforge.spec;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.support.Corpus;
import dev.specforge.support.OpenApiJudge;
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openapi/swagger-petstore-v3.openapi.yaml", "openapi/box-openapi-v2025.0.json",
            "openapi/xero-projects.yaml", "openapi/redocly-museum.openapi.yaml",
            "openapi/apisguru/tsapi.net.json", "openapi/oai-example-petstore-expanded.yaml",
            "openapi/oai-example-link-example.yaml", "openapi/twilio_lookups_v2.yaml"})
    void requests_and_answers_agree_with_an_independent_validator(String document) throws Exception {
        Path spec = Corpus.file(document);
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
                String body = contentType.isEmpty() ? "" : contentType.contains("json")
                        ? JSON.writeValueAsString(answer.path("body")) : answer.path("body").asText();
                judge.responseErrors(valid, OpenApiJudge.response(answer.path("status").asInt(), contentType, body))
                        .forEach(e -> failures.add(what + " answer: " + e));
            }
        }
        assertThat(failures).isEmpty();
    }
}
