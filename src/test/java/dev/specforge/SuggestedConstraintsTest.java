package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.GeneratedZip;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, "Enrichment never narrows the contract": the field-validators suggestions (offline provider: notBlank
 * for a required string, maxLength 255 for a string without one, a URL pattern for format uri) are enforced by no
 * stack and stated in no served {@code openapi.json} for OpenAPI input, nor for a native spec without
 * {@code validation: {suggestedConstraints: enforce}}; they are documented in the field's doc comment instead. With
 * the key, every stack enforces them and the run report lists each.
 */
class SuggestedConstraintsTest extends StacksTest.Generating {

    private static final String OPENAPI = """
            openapi: 3.0.3
            info: {title: Plain API, version: 1.0.0}
            paths: {}
            components:
              schemas:
                Customer:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    website: {type: string, format: uri}
                    note: {type: string, maxLength: 30}
            """;

    private static final String NATIVE = """
            specforge: 1
            project: {name: plain-api, group: com.example.plainapi, version: 1.0.0}
            %s
            entities:
              - name: Customer
                fields:
                  - {name: id, type: long, required: true}
                  - {name: name, type: string, required: true}
                  - {name: website, type: string, format: uri}
                  - {name: note, type: string, maxLength: 30}
            """;

    private static final String RECORD = "src/main/java/com/example/plainapi/model/Customer.java";
    private static final String GO_MODEL = "internal/platform/model/customer.go";
    private static final String JS_MODEL = "src/models/customer.js";

    private GeneratedZip generate(String spec, String name, String stack) throws Exception {
        return generate(spec.getBytes(StandardCharsets.UTF_8), name, stack);
    }

    private List<String> enforcedSuggestions() {
        List<String> lines = new ArrayList<>();
        report.path("enforcedSuggestions").forEach(l -> lines.add(l.asText()));
        return lines;
    }

    /** @return the served document's schema of a Customer property */
    private JsonNode served(GeneratedZip project, String path, String property) throws Exception {
        return JSON.readTree(project.files().get(path)).path("components").path("schemas").path("Customer")
                .path("properties").path(property);
    }

    /**
     * Every stack: only the spec's rules are enforced and served; the suggestions are in the doc comments.
     *
     * @param websiteIsString whether {@code website} stays a string with {@code format: uri} (native) rather than a
     *                        URI type (OpenAPI), so that a URL pattern and a length are suggested for it
     */
    private void assertDocumentedOnly(String spec, String name, boolean websiteIsString) throws Exception {
        GeneratedZip camel = generate(spec, name, "camel-service");
        String record = camel.files().get(RECORD);
        assertThat(record).as(record)
                .doesNotContain("constraints.NotBlank").doesNotContain("constraints.Pattern")
                .doesNotContain("Size(max = 255)").doesNotContain("Size(max = 320)")
                .contains("@jakarta.validation.constraints.NotNull String name")
                .contains("@jakarta.validation.constraints.Size(max = 30) String note")
                .contains("Suggested (not enforced): notBlank, maxLength 255.");
        if (websiteIsString) {
            assertThat(record).contains("Suggested (not enforced): maxLength 320, pattern ^https?://\\\\S+$.");
        }
        assertThat(enforcedSuggestions()).isEmpty();
        JsonNode nameSchema = served(camel, "src/main/resources/openapi.json", "name");
        assertThat(nameSchema.has("maxLength")).as(nameSchema.toString()).isFalse();
        assertThat(nameSchema.has("x-specforge-rules")).as(nameSchema.toString()).isFalse();
        assertThat(served(camel, "src/main/resources/openapi.json", "website").has("pattern")).isFalse();
        assertThat(served(camel, "src/main/resources/openapi.json", "note").path("maxLength").asInt()).isEqualTo(30);

        GeneratedZip go = generate(spec, name, "go-service");
        String model = go.files().get(GO_MODEL);
        assertThat(model).as(model)
                .doesNotContain("\"notBlank\"").doesNotContain("<= 255").doesNotContain("<= 320")
                .doesNotContain("\"pattern\"")
                .contains("length(*x) <= 30")
                .contains("Suggested (not enforced): notBlank, maxLength 255.");
        assertThat(served(go, "internal/platform/apidoc/openapi.json", "name").has("maxLength")).isFalse();

        GeneratedZip express = generate(spec, name, "express-api");
        String js = express.files().get(JS_MODEL);
        assertThat(js).as(js)
                .doesNotContain("kind: \"notBlank\"").doesNotContain("value: 255").doesNotContain("value: 320")
                .doesNotContain("kind: \"pattern\"")
                .contains("{ kind: \"maxLength\", value: 30 }")
                .contains("Suggested (not enforced): notBlank, maxLength 255.");
        assertThat(served(express, "src/openapi.json", "name").has("maxLength")).isFalse();
    }

    @Test
    void should_enforce_no_suggestion_for_openapi_input_and_document_them_instead() throws Exception {
        assertDocumentedOnly(OPENAPI, "plain.openapi.yaml", false);
    }

    @Test
    void should_enforce_no_suggestion_for_a_native_spec_without_the_key() throws Exception {
        assertDocumentedOnly(NATIVE.formatted(""), "plain.yaml", true);
        assertDocumentedOnly(NATIVE.formatted("validation: {suggestedConstraints: document}"), "plain.yaml",
                true);
    }

    @Test
    void should_enforce_and_report_suggestions_when_a_native_spec_opts_in() throws Exception {
        String spec = NATIVE.formatted("validation: {suggestedConstraints: enforce}");

        GeneratedZip camel = generate(spec, "plain.yaml", "camel-service");
        assertThat(camel.files().get(RECORD))
                .contains("@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank"
                        + " @jakarta.validation.constraints.Size(max = 255) String name")
                .doesNotContain("Suggested (not enforced)");
        assertThat(enforcedSuggestions()).contains(
                "Customer.name: notBlank (field-validators suggestion, enforced:"
                        + " validation.suggestedConstraints = enforce)",
                "Customer.name: maxLength 255 (field-validators suggestion, enforced:"
                        + " validation.suggestedConstraints = enforce)",
                "Customer.website: pattern ^https?://\\S+$ (field-validators suggestion, enforced:"
                        + " validation.suggestedConstraints = enforce)")
                .noneMatch(l -> l.startsWith("Customer.note: maxLength"));
        JsonNode name = served(camel, "src/main/resources/openapi.json", "name");
        assertThat(name.path("maxLength").asInt()).isEqualTo(255);
        assertThat(name.path("x-specforge-rules").toString()).isEqualTo("[\"notBlank\"]");

        GeneratedZip go = generate(spec, "plain.yaml", "go-service");
        assertThat(go.files().get(GO_MODEL)).contains("\"notBlank\"").contains("length(*x) <= 255");
        assertThat(enforcedSuggestions()).isNotEmpty();

        GeneratedZip express = generate(spec, "plain.yaml", "express-api");
        assertThat(express.files().get(JS_MODEL)).contains("{ kind: \"notBlank\" }, { kind: \"maxLength\", value: 255 }");
        assertThat(served(express, "src/openapi.json", "name").path("maxLength").asInt()).isEqualTo(255);
    }

    @Test
    void should_refuse_a_native_spec_with_an_unknown_setting() throws Exception {
        var response = http().post("/api/generate?stack=camel-service", "application/yaml",
                NATIVE.formatted("validation: {suggestedConstraints: always}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("/validation/suggestedConstraints");
    }
}
