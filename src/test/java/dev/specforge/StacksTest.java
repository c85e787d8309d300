package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.Golden;
import dev.specforge.support.Http;
import dev.specforge.support.SpecforgeTestSupport;
import dev.specforge.support.Toolchain;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The go-service and express-api stacks, beside camel-service: the same native spec (orders.yaml) and the same
 * OpenAPI document (the OAI petstore) through the real Main and HTTP API, with golden files for the files that carry
 * the model, and, where the toolchains are installed, the generated projects checked by them (node --check and
 * npm test; go vet and go test).
 */
class StacksTest {

    private static final Path SPECS = Path.of("src/test/resources/specs");

    /** Generates a spec with a stack over the real HTTP API; every file must be valid. */
    abstract static class Generating extends SpecforgeTestSupport {

        /** The report of the last generation. */
        JsonNode report;

        GeneratedZip generate(String spec, String stack) throws Exception {
            return generate(Files.readAllBytes(SPECS.resolve(spec)), spec, stack);
        }

        GeneratedZip generate(byte[] content, String spec, String stack) throws Exception {
            HttpResponse<byte[]> response = http().post("/api/generate?stack=" + stack, "application/yaml", content);
            assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
            String job = response.headers().firstValue("X-Specforge-Job").orElseThrow();
            report = readJson(outbox.resolve("api-" + job + ".report.json"));
            assertThat(report.path("stack").asText()).isEqualTo(stack);
            List<String> invalid = new ArrayList<>();
            report.path("files").forEach(f -> {
                if (!f.path("valid").asBoolean()) {
                    invalid.add(f.path("path").asText() + ": " + f.path("problem").asText());
                }
            });
            assertThat(invalid).as("invalid files").isEmpty();
            Path zip = work.resolve(stack + "-" + spec + ".zip");
            Files.write(zip, response.body());
            return GeneratedZip.read(zip);
        }

        /** path and check of every file, one per line: the golden list of what a stack generates */
        String fileList() {
            StringBuilder b = new StringBuilder();
            report.path("files").forEach(f -> b.append(f.path("path").asText()).append(' ')
                    .append(f.path("check").asText().replace("go+gofmt", "go")).append('\n'));
            return b.toString();
        }

        void golden(GeneratedZip project, String stack, String spec, String... paths) throws Exception {
            String dir = "stacks/" + stack + "/" + spec.substring(0, spec.indexOf('.')) + "/";
            Golden.assertMatches(dir + "files.txt", fileList());
            for (String path : paths) {
                assertThat(project.files()).as(path).containsKey(path);
                Golden.assertMatches(dir + path, project.files().get(path));
            }
        }
    }

    @Nested
    class GoService extends Generating {

        @Test
        void should_generate_a_go_module_with_models_repositories_crud_handlers_and_tests_from_a_native_spec()
                throws Exception {
            GeneratedZip project = generate("orders.yaml", "go-service");

            golden(project, "go-service", "orders.yaml", "go.mod", "cmd/server/main.go",
                    "internal/platform/model/customer.go", "internal/platform/model/customerstatus.go",
                    "internal/platform/model/order.go", "internal/customer/repository.go",
                    "internal/customer/handler.go", "internal/customer/handler_test.go", "Makefile", "Dockerfile");
            assertThat(project.files().get("go.mod")).contains("module com.acme.orders/orders-service", "go 1.22");
            goToolchain(project);
        }

        @Test
        void should_serve_each_openapi_operation_from_the_contract() throws Exception {
            GeneratedZip project = generate("petstore.yaml", "go-service");

            golden(project, "go-service", "petstore.yaml", "cmd/server/main.go", "internal/platform/api/pets.go",
                    "internal/platform/api/pets_test.go", "internal/platform/model/pet.go", "README.md");
            goToolchain(project);
        }

        /** With Go installed: gofmt found nothing to change (checked during generation), go vet and go test pass. */
        private void goToolchain(GeneratedZip project) throws Exception {
            if (Toolchain.find("gofmt").isPresent()) {
                report.path("files").forEach(f -> {
                    if (f.path("path").asText().endsWith(".go")) {
                        assertThat(f.path("check").asText()).as(f.path("path").asText()).isEqualTo("go+gofmt");
                    }
                });
            }
            assumeTrue(Toolchain.find("go").isPresent(), "go is not on the PATH: the generated module is not built");
            Path dir = Toolchain.extract(project, work.resolve("go-project"));
            assertThat(Toolchain.goVetAndTest(dir)).as("no generated test skips its fixture")
                    .doesNotContain("--- SKIP");
        }
    }

    @Nested
    class ExpressApi extends Generating {

        @Test
        void should_generate_models_services_handlers_routes_and_node_tests_from_a_native_spec() throws Exception {
            GeneratedZip project = generate("orders.yaml", "express-api");

            golden(project, "express-api", "orders.yaml", "package.json", "src/server.js",
                    "src/models/customer.js", "src/models/customer-status.js", "src/models/order.js",
                    "src/services/customer-service.js", "src/handlers/customer-handlers.js",
                    "src/routes/customer-routes.js", "test/customer.test.js");
            nodeToolchain(project);
        }

        @Test
        void should_serve_each_openapi_operation_from_the_contract() throws Exception {
            GeneratedZip project = generate("petstore.yaml", "express-api");

            golden(project, "express-api", "petstore.yaml", "src/server.js", "src/contract.json");
            assertThat(project.files().keySet()).as("no per-entity model or service for OpenAPI input")
                    .noneMatch(f -> f.startsWith("src/models/") || f.startsWith("src/services/"));
            nodeToolchain(project);
        }

        @Test
        void should_run_only_the_test_folder_even_when_a_type_is_named_like_a_test() throws Exception {
            // node's default test patterns would also take src/routes/test-run-routes.js, which needs express
            byte[] spec = """
                    specforge: 1
                    project: {name: test-runs, group: com.example.runs}
                    entities:
                      - name: TestRun
                        fields:
                          - {name: id, type: long, required: true}
                          - {name: label, type: string, required: true, maxLength: 40}
                    """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            GeneratedZip project = generate(spec, "test-run.yaml", "express-api");

            assertThat(project.files()).containsKey("src/routes/test-run-routes.js");
            nodeToolchain(project);
        }

        /**
         * With node installed: every JavaScript file was parsed by node during generation and passes node --check
         * here too; with npm, the project installs and its tests pass (they start the app and talk HTTP to it).
         */
        private void nodeToolchain(GeneratedZip project) throws Exception {
            assumeTrue(Toolchain.find("node").isPresent(), "node is not on the PATH: the generated API is not run");
            Path dir = Toolchain.extract(project, work.resolve("express-project"));
            int scripts = 0;
            for (String path : project.files().keySet()) {
                if (path.endsWith(".js")) {
                    scripts++;
                    Toolchain.Result check = Toolchain.run(dir, Map.of(), List.of("node", "--check", path));
                    assertThat(check.exitCode()).as(path + ": " + check.output()).isZero();
                }
            }
            assertThat(scripts).isGreaterThan(5);
            report.path("files").forEach(f -> {
                if (f.path("path").asText().endsWith(".js")) {
                    assertThat(f.path("check").asText()).as(f.path("path").asText()).isEqualTo("javascript");
                }
            });
            // the generated tests start the real app, which needs its dependencies (express, lossless-json):
            // from npm's cache when it has them, else from the registry
            assumeTrue(Toolchain.find("npm").isPresent(), "npm is not on the PATH: the generated tests are not run");
            Toolchain.npmInstallAndTest(dir);
        }
    }

    /** Without node, JavaScript cannot be parsed: the files pass unchecked, and the report says so. */
    @Nested
    class WithoutNode extends Generating {

        @Override
        protected Properties extraProperties() {
            Properties p = new Properties();
            p.put("specforge.validate.node", "");
            return p;
        }

        @Test
        void should_mark_javascript_files_unchecked_and_warn_in_the_report() throws Exception {
            generate("orders.yaml", "express-api");

            report.path("files").forEach(f -> {
                if (f.path("path").asText().endsWith(".js")) {
                    assertThat(f.path("check").asText()).isEqualTo("javascript-unchecked");
                }
            });
            List<String> warnings = new ArrayList<>();
            report.path("warnings").forEach(w -> warnings.add(w.asText()));
            assertThat(warnings).anyMatch(w -> w.contains("JavaScript files were not syntax-checked"));
        }
    }

    /** A stack's properties are defaults: configuration overrides them, and the output follows. */
    @Nested
    class StackProperties extends Generating {

        @Override
        protected Properties extraProperties() {
            Properties p = new Properties();
            p.put("specforge.stack.go-service.goVersion", "1.23");
            return p;
        }

        @Test
        void should_take_the_go_version_from_configuration() throws Exception {
            GeneratedZip project = generate("orders.yaml", "go-service");

            assertThat(project.files().get("go.mod")).contains("go 1.23").doesNotContain("go 1.22");
            assertThat(project.files().get("Dockerfile")).contains("FROM golang:1.23 AS build");
        }

        @Test
        void should_list_all_three_stacks() throws Exception {
            JsonNode stacks = Http.json(http().get("/api/stacks"));

            List<String> names = new ArrayList<>();
            stacks.forEach(s -> names.add(s.path("name").asText()));
            assertThat(names).containsExactly("camel-service", "express-api", "go-service");
            assertThat(stacks.get(2).path("properties").path("goVersion").asText()).isEqualTo("1.23");
        }
    }
}
