package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.support.GeneratedService;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.Toolchain;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seam for hand-written code (issue 20, docs/conformance.md O5), as a user meets it: generate a service from an
 * OpenAPI document, implement one operation in a file of their own where the generated README says, regenerate
 * from a changed document, unzip over the project, build (the project's own tests included) and start it. The
 * user's implementation still answers, validation still runs before it, the new operation is served, and no
 * generated zip holds the user's file.
 */
@Tag("slow")
@Tag("runtime")
class UserSeamTest {

    private static final Path SPEC = Path.of("src/test/resources/specs/contracts/things.openapi.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The answer every user implementation gives (valid for the document's Thing schema). */
    private static final String USER_ANSWER = "{\"id\": 99, \"name\": \"from-user\"}";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"camel-service", "go-service", "express-api"})
    void a_user_implementation_survives_regeneration(String stack) throws Exception {
        JsonNode runtime = GeneratedService.runtime(stack);

        GeneratedZip first = GeneratedZip.generate(stack, SPEC, work.resolve("v1"));
        assertThat(first.files().keySet()).as("a schema no operation uses is not generated (entity:used)")
                .noneMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("orphan"));
        Path project = Toolchain.extract(first, work.resolve("project"));
        Map.Entry<String, String> userFile = userFile(stack, project);
        Path user = project.resolve(userFile.getKey());
        Files.createDirectories(user.getParent());
        Files.writeString(user, userFile.getValue(), StandardCharsets.UTF_8);

        // the document changes: a new operation
        String changed = Files.readString(SPEC).replace("  /reports:\n", """
                  /things/{thingId}/owner:
                    get:
                      operationId: getOwner
                      parameters:
                        - {name: thingId, in: path, required: true, schema: {type: integer}}
                      responses:
                        "200":
                          description: the owner
                          content:
                            application/json:
                              schema: {type: object, required: [name], properties: {name: {type: string}}}
                  /reports:
                """);
        assertThat(changed).contains("getOwner");
        Path changedSpec = work.resolve("things.openapi.yaml");
        Files.writeString(changedSpec, changed, StandardCharsets.UTF_8);
        GeneratedZip second = GeneratedZip.generate(stack, changedSpec, work.resolve("v2"));
        assertThat(second.root()).isEqualTo(first.root());
        assertThat(second.files()).as("no generated file is the user's").doesNotContainKey(userFile.getKey());
        Toolchain.extract(second, project);
        assertThat(Files.readString(user)).as("unzipping over the project keeps the user's file")
                .isEqualTo(userFile.getValue());

        Map<String, String> values = Map.of("{project.name}", "things", "{project.version}", "1.0.0");
        GeneratedService.check(runtime, project, values, "the regenerated " + stack + " project");
        try (GeneratedService service = GeneratedService.start(runtime, project, values, work.resolve("log"))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> mine = get(http, service.base(), "/v2/things-api/things/7");
            assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
            assertThat(JSON.readTree(mine.body())).isEqualTo(JSON.readTree(USER_ANSWER));
            HttpResponse<String> invalid = get(http, service.base(), "/v2/things-api/things/seven");
            assertThat(invalid.statusCode()).as("validation runs before the user's code: %s", invalid.body())
                    .isEqualTo(400);
            HttpResponse<String> added = get(http, service.base(), "/v2/things-api/things/7/owner");
            assertThat(added.statusCode()).as("the new operation is served: %s", added.body()).isEqualTo(200);
            assertThat(JSON.readTree(added.body()).path("name").isTextual()).isTrue();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where and what a user writes to implement getThing, as each stack's generated README says. */
    private static Map.Entry<String, String> userFile(String stack, Path project) throws Exception {
        return switch (stack) {
            case "camel-service" -> Map.entry("src/main/resources/routes/user/things.camel.yaml", """
                    - route:
                        id: my-getThing
                        from:
                          uri: direct:getThing
                          steps:
                            - setHeader: {name: CamelHttpResponseCode, constant: 200}
                            - setHeader: {name: Content-Type, constant: application/json}
                            - setBody:
                                constant: '%s'
                    """.formatted(USER_ANSWER));
            case "go-service" -> {
                Matcher module = Pattern.compile("(?m)^module (\\S+)").matcher(
                        Files.readString(project.resolve("go.mod")));
                assertThat(module.find()).isTrue();
                yield Map.entry("internal/platform/api/impl_things.go", """
                        package api

                        import (
                        	"encoding/json"
                        	"net/http"

                        	"%1$s/internal/platform/contract"
                        	"%1$s/internal/platform/router"
                        )

                        func init() {
                        	contract.Implement("getThing", func(w http.ResponseWriter, r *contract.Request) {
                        		router.JSON(w, http.StatusOK, json.RawMessage(`%2$s`))
                        	})
                        }
                        """.formatted(module.group(1), USER_ANSWER));
            }
            case "express-api" -> Map.entry("src/handlers/getThing.js", """
                    'use strict';

                    /** GET /things/{thingId}: answered by the user's code. */
                    module.exports = async function getThing(req, res) {
                      res.status(200).json(%s);
                    };
                    """.formatted(USER_ANSWER));
            default -> throw new IllegalArgumentException(stack);
        };
    }
}
