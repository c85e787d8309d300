package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.JavaCompilation;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inline request and response body schemas of OpenAPI operations become types, named from the operation and the
 * role, and the report counts them: our own fixture (src/test/resources/specs/shapes/inline-bodies.openapi.yaml)
 * through the inbox of the real Camel Main with the default stack.
 */
class InlineBodyTypesTest extends SpecforgeTestSupport {

    private static final String MODEL = "src/main/java/com/example/petclinic/model/";

    @Test
    void should_make_a_type_of_every_inline_body_schema_and_count_them_in_the_report() throws Exception {
        dropAndAwait(Path.of("src/test/resources/specs/shapes/inline-bodies.openapi.yaml"), "clinic.yaml");

        assertThat(deadLetter.resolve("clinic.yaml.error.json")).as("no error report").doesNotExist();
        GeneratedZip project = GeneratedZip.read(outbox.resolve("clinic.zip"));
        assertThat(project.files().keySet().stream().filter(p -> p.startsWith(MODEL))
                .map(p -> p.substring(MODEL.length())))
                .containsExactlyInAnyOrder(
                        // components.schemas (and the enum inside Pet)
                        "Pet.java", "CreatePetRequest.java", "PetStatus.java",
                        // inline bodies, named from operationId (or method and path) and role
                        "ListPets200ResponseItem.java", "CreatePetRequest2.java", "CreatePetRequest2Owner.java",
                        "CreatePetRequest2VaccinationsItem.java", "CreatePet201Response.java",
                        "PatchPetsPetIdRequest.java", "PatchPetsPetIdRequestStatus.java", "LoginRequest.java",
                        "Login200Response.java", "LoginDefaultResponse.java",
                        // the shared components.requestBodies and components.responses entries, once each
                        "PetChangeRequest.java", "PetChangeRequestStatus.java", "ProblemResponse.java",
                        "ProblemResponseErrorsItem.java");
        assertThat(project.files().get(MODEL + "CreatePetRequest2.java"))
                .contains("CreatePetRequest2Owner owner")
                .contains("java.util.List<CreatePetRequest2VaccinationsItem> vaccinations");

        JsonNode report = readJson(outbox.resolve("clinic.report.json"));
        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("format").asText()).isEqualTo("openapi");
        assertThat(report.path("detectedBy").asText()).isEqualTo("openapi");
        // 14 of the 17 types: all but Pet, PetStatus and CreatePetRequest of components.schemas
        assertThat(report.path("inlineTypes").asInt(-1)).isEqualTo(14);
        assertThat(report.path("warnings")).isEmpty();

        assertThat(JavaCompilation.errors(project.javaSources(), work.resolve("classes"))).isEmpty();
    }
}
