package dev.specforge.spec;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body types of OpenAPI operations in the model: request bodies (OpenAPI 3.0.3 section 4.7.13) and responses
 * (sections 4.7.16 and 4.7.17), read through the real {@link SpecReader}.
 */
class OpenApiBodiesTest {

    private final SpecReader reader = new SpecReader(SpecDefaults.STANDARD);

    private static TypeRef ref(String entity) {
        return new TypeRef(FieldType.REF, entity, null, false);
    }

    private static Map<String, Operation> operations(ProjectModel m) {
        return m.operationGroups().stream().flatMap(g -> g.operations().stream())
                .collect(Collectors.toMap(Operation::id, Function.identity()));
    }

    private ProjectModel read(String text) {
        return reader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param operation  the keys of the one operation, {@code sendA} ({@code POST /a}): requestBody, responses
     * @param components the document's {@code components}
     * @return the model of that document
     */
    private ProjectModel sendA(String operation, String components) {
        return read("openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    post:\n"
                + "      operationId: sendA\n" + operation.indent(6) + "components:\n" + components.indent(2));
    }

    @Test
    void should_give_every_body_of_the_fixture_a_type_named_from_the_operation_and_the_role() throws Exception {
        ProjectModel m = reader.read(Files.readAllBytes(Path.of(
                "src/test/resources/specs/shapes/inline-bodies.openapi.yaml")));
        Map<String, Operation> ops = operations(m);

        assertThat(ops.get("listPets").requestBody()).isNull();
        assertThat(ops.get("listPets").responses()).containsExactly(
                new Operation.Response("200", "application/json", ref("ListPets200ResponseItem").asList()),
                new Operation.Response("default", "application/problem+json", ref("ProblemResponse")));

        // the components schema CreatePetRequest keeps its name; the inline body claims the next one
        assertThat(ops.get("createPet").requestBody()).isEqualTo(ref("CreatePetRequest2"));
        assertThat(ops.get("createPet").responses()).containsExactly(
                new Operation.Response("201", "application/json", ref("CreatePet201Response")),
                new Operation.Response("400", "application/problem+json", ref("ProblemResponse")));
        assertThat(ops.get("createPets").requestBody()).isEqualTo(ref("CreatePetRequest").asList());
        assertThat(ops.get("createPets").responses()).extracting(Operation.Response::type)
                .containsExactly(ref("Pet").asList());

        // $ref bodies are the named type; JSON is chosen over the XML listed first; no content, no body
        assertThat(ops.get("getPet").responses()).containsExactly(
                new Operation.Response("200", "application/json", ref("Pet")),
                new Operation.Response("404", null, null));
        assertThat(ops.get("admitPet").requestBody()).isEqualTo(ref("Pet"));

        // one shared components/requestBodies entry, one type
        assertThat(ops.get("updatePet").requestBody()).isEqualTo(ref("PetChangeRequest"));
        assertThat(ops.get("updateShelterPet").requestBody()).isEqualTo(ref("PetChangeRequest"));

        // no operationId: named from method and path
        assertThat(ops.get("patchPetsPetId").requestBody()).isEqualTo(ref("PatchPetsPetIdRequest"));

        assertThat(ops.get("login").requestBody()).as("form body").isEqualTo(ref("LoginRequest"));
        assertThat(ops.get("login").responses()).containsExactly(
                new Operation.Response("200", "application/json", ref("Login200Response")),
                new Operation.Response("default", "application/json", ref("LoginDefaultResponse")));

        assertThat(m.entities()).extracting(Entity::name).containsExactly(
                "Pet", "CreatePetRequest", "PetStatus",
                "ListPets200ResponseItem", "ProblemResponse", "CreatePetRequest2", "CreatePet201Response",
                "PetChangeRequest", "PatchPetsPetIdRequest", "LoginRequest", "Login200Response",
                "LoginDefaultResponse", "ProblemResponseErrorsItem", "CreatePetRequest2Owner",
                "CreatePetRequest2VaccinationsItem", "PetChangeRequestStatus", "PatchPetsPetIdRequestStatus");
        assertThat(m.entity("CreatePetRequest2").orElseThrow().fields()).extracting(Field::name)
                .containsExactly("name", "born", "owner", "vaccinations");
        // 17 entities, of which Pet, CreatePetRequest and PetStatus come from components.schemas
        assertThat(m.source().inlineTypes()).isEqualTo(14);
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void should_keep_a_component_name_that_ends_with_the_role_and_name_status_ranges_as_written() {
        ProjectModel m = sendA("""
                requestBody: {$ref: "#/components/requestBodies/ARequest"}
                responses:
                  2XX:
                    description: ok
                    content:
                      application/vnd.api+json:
                        schema: {type: object, properties: {ok: {type: boolean}}}
                  4XX: {$ref: "#/components/responses/ErrorResponse"}
                """, """
                requestBodies:
                  ARequest:
                    content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}
                responses:
                  ErrorResponse:
                    description: error
                    content: {application/json: {schema: {type: object, properties: {e: {type: string}}}}}
                """);
        Operation send = operations(m).get("sendA");
        assertThat(send.requestBody()).isEqualTo(ref("ARequest"));
        assertThat(send.responses()).containsExactly(
                new Operation.Response("2XX", "application/vnd.api+json", ref("SendA2XXResponse")),
                new Operation.Response("4XX", "application/json", ref("ErrorResponse")));
        assertThat(m.source().inlineTypes()).isEqualTo(3);
    }

    @Test
    void should_leave_a_body_whose_component_is_not_in_the_document_untyped_with_a_warning() {
        ProjectModel m = sendA("""
                requestBody: {$ref: "other.yaml#/components/requestBodies/A"}
                responses:
                  "200": {$ref: "#/components/schemas/NotAResponse"}
                  "201":
                    description: any body
                    content: {application/octet-stream: {}}
                """, """
                schemas:
                  NotAResponse: {type: object, properties: {a: {type: string}}}
                """);
        Operation send = operations(m).get("sendA");
        assertThat(send.requestBody()).isNull();
        assertThat(send.responses()).containsExactly(new Operation.Response("200", null, null),
                new Operation.Response("201", "application/octet-stream", TypeRef.ANY));
        assertThat(m.warnings()).containsExactly(
                "$ref other.yaml#/components/requestBodies/A is not an entry of #/components/requestBodies in this"
                        + " document; the body has no type at #/paths/~1a/post/requestBody",
                "$ref #/components/schemas/NotAResponse is not an entry of #/components/responses in this"
                        + " document; the body has no type at #/paths/~1a/post/responses/200");
        assertThat(m.source().inlineTypes()).isZero();
    }

    @Test
    void should_type_swagger_2_0_body_and_form_parameters_after_conversion() throws Exception {
        ProjectModel pets = reader.read(Files.readAllBytes(
                Path.of("src/test/resources/specs/types/pets.swagger.yaml")));
        assertThat(operations(pets).get("listPets").responses()).extracting(Operation.Response::type)
                .containsExactly(ref("Pet").asList());
        assertThat(pets.source().inlineTypes()).isZero();

        ProjectModel m = read("""
                swagger: "2.0"
                info: {title: t, version: 1.0.0}
                consumes: [application/json]
                produces: [application/json]
                paths:
                  /pets:
                    post:
                      operationId: addPet
                      parameters:
                        - {in: body, name: body, schema: {type: object, properties: {name: {type: string}}}}
                      responses:
                        "200": {description: ok, schema: {type: object, properties: {id: {type: integer}}}}
                  /pets/{id}/photo:
                    post:
                      operationId: uploadPhoto
                      consumes: [multipart/form-data]
                      parameters:
                        - {in: path, name: id, required: true, type: integer}
                        - {in: formData, name: file, type: file}
                      responses:
                        "204": {description: done}
                """);
        Map<String, Operation> ops = operations(m);
        assertThat(ops.get("addPet").requestBody()).isEqualTo(ref("AddPetRequest"));
        assertThat(ops.get("addPet").responses()).extracting(Operation.Response::type)
                .containsExactly(ref("AddPet200Response"));
        assertThat(ops.get("uploadPhoto").requestBody()).isEqualTo(ref("UploadPhotoRequest"));
        assertThat(m.source().inlineTypes()).isEqualTo(3);
    }
}
