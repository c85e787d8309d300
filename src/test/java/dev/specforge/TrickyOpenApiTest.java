package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.JavaCompilation;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAPI names and shapes that are not Java (our own fixture, so this runs without the corpus). */
class TrickyOpenApiTest extends SpecforgeTestSupport {

    private static final String MODEL = "src/main/java/com/example/trickynamesapi/model/";

    @Test
    void should_turn_reserved_words_digits_dashes_cycles_and_inline_types_into_compiling_java() throws Exception {
        dropAndAwait(Path.of("src/test/resources/specs/tricky.openapi.yaml"), "tricky.yaml");

        GeneratedZip project = GeneratedZip.read(outbox.resolve("tricky.zip"));
        assertThat(project.root()).isEqualTo("tricky-names-api");
        assertThat(JavaCompilation.errors(project.javaSources(), work.resolve("classes"))).isEmpty();

        String thing = project.files().get(MODEL + "Thing.java");
        assertThat(thing)
                .as("only the document's constraints: no field-validators suggestion (notBlank, maxLength 255) is enforced")
                .contains("@com.fasterxml.jackson.annotation.JsonProperty(\"class\") @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 10) String class_")
                .contains("@com.fasterxml.jackson.annotation.JsonProperty(\"2fa\") @jakarta.validation.constraints.NotNull Boolean _2fa")
                .contains("@jakarta.validation.constraints.Pattern(regexp = \"^[a-z]+$\") String userName")
                .doesNotContain("constraints.NotBlank").doesNotContain("Size(max = 255)")
                .contains("Integer hashCodeValue")
                .contains("@jakarta.validation.Valid Thing parent")
                .contains("java.util.List<Thing> children")
                .contains("ThingColor color")
                .contains("@jakarta.validation.Valid ThingAddress address")
                .contains("java.util.Map<String, Long> attributes")
                .contains("Object anything")
                .contains("Object external")
                .contains("Object choice")
                .contains("Label maybe")
                .contains("java.util.List<java.util.UUID> ids");
        assertThat(project.files()).containsKeys(MODEL + "StringModel.java", MODEL + "Model200Response.java",
                MODEL + "ThingAddressGeo.java", MODEL + "A.java", MODEL + "B.java");
        assertThat(project.files().get(MODEL + "ThingColor.java"))
                .contains("RED(\"red\")").contains("EMPTY(\"\")").contains("_1ST(\"1st\")");
        assertThat(project.files().get(MODEL + "Derived.java"))
                .contains("String class_").contains("java.time.OffsetDateTime extra");
        assertThat(project.files().get("src/main/resources/routes/things-api.camel.yaml"))
                // Vert.x takes [A-Za-z0-9_]+ as a parameter name: {thing-id} would serve /things/<x>-id only
                .contains("path: \"/things/{thing_id}\"")
                .contains("description: \"Get \\\"a\\\" thing: \\\\ /\"")
                .contains("id: \"rest-getThing\"")
                .contains("id: \"rest-deleteThingsThingId\"");

        JsonNode report = readJson(outbox.resolve("tricky.report.json"));
        List<String> warnings = new ArrayList<>();
        report.path("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).anyMatch(w -> w.contains("https://example.invalid") && w.contains("not fetched")
                && w.endsWith("#/components/schemas/Thing/properties/external"));
        assertThat(warnings).anyMatch(w -> w.startsWith("oneOf with 2 branches that are not all objects mapped to Object"));
    }
}
