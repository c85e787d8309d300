package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.io.InvisibleCharacters;
import dev.specforge.support.FakeLlmServer;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.Http;
import dev.specforge.support.HostileDisplayText;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP API over real HTTP ({@link java.net.http.HttpClient}) against the started Main on a random port:
 * sync and async generation, the plan, the stacks, and every problem answer (400, 401, 404, 409, 413, 415, 429).
 */
class HttpApiTest {

    static final FakeLlmServer SERVER = FakeLlmServer.start();
    static final Path ORDERS = Path.of("src/test/resources/specs/orders.yaml");

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    static byte[] orders() throws java.io.IOException {
        return Files.readAllBytes(ORDERS);
    }

    static Path saveZip(Path folder, HttpResponse<byte[]> response) throws java.io.IOException {
        Files.createDirectories(folder);
        Path zip = Files.createTempFile(folder, "download-", ".zip");
        Files.write(zip, response.body());
        return zip;
    }

    static void assertProblem(HttpResponse<byte[]> response, int status, String typeSlug) throws java.io.IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        JsonNode problem = Http.json(response);
        assertThat(problem.path("type").asText()).isEqualTo("urn:specforge:problem:" + typeSlug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("\tat ").doesNotContain("Exception");
    }

    static List<Path> zips(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zip")).toList();
        }
    }

    @Nested
    class OpenApi extends SpecforgeTestSupport {


        @Override
        protected Properties extraProperties() {
            Properties p = new Properties();
            p.put("specforge.jobs.expire-after", "3s");
            return p;
        }


        @Test
        void should_answer_a_posted_spec_with_a_streamed_zip_whose_entries_match_the_plan() throws Exception {
            HttpResponse<byte[]> plan = http().post("/api/plan", "application/yaml", orders());
            assertThat(plan.statusCode()).isEqualTo(200);
            Set<String> planned = new TreeSet<>();
            Http.json(plan).path("files").forEach(f -> planned.add(f.path("path").asText()));

            HttpResponse<byte[]> zip = http().post("/api/generate", "application/yaml", orders());

            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(zip.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"orders-service.zip\"");
            assertThat(zip.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(zip.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(zip.headers().firstValue("X-Specforge-Files")).hasValue(String.valueOf(planned.size()));
            assertThat(zip.headers().firstValue("X-Specforge-Valid")).hasValue(String.valueOf(planned.size()));
            assertThat(zip.headers().firstValue("X-Specforge-Llm-Requests")).hasValue("0");
            assertThat(zip.headers().firstValue("X-Specforge-Cost-Usd")).isPresent();
            // streamed: chunked, no Content-Length (the zip is never held in memory to measure it)
            assertThat(zip.headers().firstValue("Content-Length")).isEmpty();
            GeneratedZip project = GeneratedZip.read(saveZip(work, zip));
            assertThat(project.root()).isEqualTo("orders-service");
            assertThat(new TreeSet<>(project.files().keySet())).isEqualTo(planned);
        }

        @Test
        void should_generate_a_multi_file_spec_posted_as_a_zip() throws Exception {
            byte[] bundle = dev.specforge.support.Zips.of(java.util.Map.of(
                    "api.yaml", """
                            openapi: 3.0.3
                            info: {title: Bundled, version: 1.0.0}
                            paths: {}
                            components:
                              schemas:
                                Box: {type: object, properties: {item: {$ref: "models/item.yaml"}}}
                            """.getBytes(StandardCharsets.UTF_8),
                    "models/item.yaml", "{type: object, properties: {label: {type: string}}}\n"
                            .getBytes(StandardCharsets.UTF_8)));

            HttpResponse<byte[]> zip = http().post("/api/generate", "application/zip", bundle);

            assertThat(zip.statusCode()).isEqualTo(200);
            GeneratedZip project = GeneratedZip.read(saveZip(work, zip));
            assertThat(project.root()).isEqualTo("bundled");
            assertThat(project.files().get("src/main/java/com/example/bundled/model/Box.java")).contains("Item item");
            assertThat(project.files()).containsKey("src/main/java/com/example/bundled/model/Item.java");
        }

        @Test
        void should_sniff_a_json_spec_sent_as_text_plain() throws Exception {
            String json = JSON.writeValueAsString(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                    .readTree(ORDERS.toFile()));

            HttpResponse<byte[]> zip = http().post("/api/generate", "text/plain; charset=utf-8",
                    json.getBytes(StandardCharsets.UTF_8));

            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(GeneratedZip.read(saveZip(work, zip)).root()).isEqualTo("orders-service");
        }

        @Test
        void should_run_a_job_then_serve_its_result_and_forget_it_after_expiry() throws Exception {
            HttpResponse<byte[]> created = http().post("/api/jobs", "application/yaml", orders());

            assertThat(created.statusCode()).isEqualTo(202);
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches("/api/jobs/[0-9a-f-]{36}");
            assertThat(Http.json(created).path("state").asText()).isIn("queued", "running", "succeeded");

            await().atMost(Duration.ofMinutes(1)).until(() ->
                    Http.json(http().get(location)).path("state").asText().equals("succeeded"));
            JsonNode status = Http.json(http().get(location));
            assertThat(status.path("phase").asText()).isEqualTo("done");
            assertThat(status.path("filesDone").asInt()).isEqualTo(status.path("filesTotal").asInt()).isEqualTo(43);
            assertThat(status.path("llmRequests").asInt()).isZero();
            assertThat(status.path("etaSeconds").asInt()).isZero();
            assertThat(status.path("result").asText()).isEqualTo(location + "/result");

            HttpResponse<byte[]> result = http().get(location + "/result");
            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(GeneratedZip.read(saveZip(work, result)).files()).hasSize(43);
            List<Path> outputs = new ArrayList<>();
            try (var files = Files.list(outbox)) {
                files.filter(f -> f.getFileName().toString().startsWith("api-")).forEach(outputs::add);
            }
            assertThat(outputs).as("zip and report of the job").hasSize(2);

            // expire-after is 3 s: the job and its files go
            await().atMost(Duration.ofSeconds(30)).until(() -> http().get(location).statusCode() == 404);
            assertProblem(http().get(location), 404, "unknown-job");
            assertThat(outputs).allSatisfy(f -> assertThat(f).doesNotExist());
        }

        @Test
        void should_remove_a_finished_job_and_its_files_on_delete() throws Exception {
            String location = http().post("/api/jobs", "application/yaml", orders()).headers()
                    .firstValue("Location").orElseThrow();
            await().atMost(Duration.ofMinutes(1)).until(() ->
                    Http.json(http().get(location)).path("state").asText().equals("succeeded"));

            assertThat(http().delete(location).statusCode()).isEqualTo(204);

            assertThat(http().get(location).statusCode()).isEqualTo(404);
            try (var files = Files.list(outbox)) {
                assertThat(files.filter(f -> f.getFileName().toString().startsWith("api-"))).isEmpty();
            }
        }

        @Test
        void should_answer_an_invalid_spec_with_a_400_problem_naming_where_and_keep_the_spec() throws Exception {
            HttpResponse<byte[]> response = http().post("/api/generate", "application/yaml",
                    Files.readAllBytes(Path.of("src/test/resources/specs/bad-schema.yaml")));

            assertProblem(response, 400, "invalid-spec");
            JsonNode problem = Http.json(response);
            assertThat(problem.path("location").asText()).startsWith("/");
            assertThat(problem.path("instance").asText()).isEqualTo("/api/generate");
            // nothing is lost: the spec and its error report are in the dead letter
            try (var files = Files.list(deadLetter)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .anyMatch(n -> n.matches("api-.*\\.yaml"))
                        .anyMatch(n -> n.matches("api-.*\\.yaml\\.error\\.json"));
            }
        }

        @Test
        void should_answer_a_problem_that_quotes_hidden_characters_of_the_spec_as_json_escapes() throws Exception {
            HttpResponse<byte[]> response = http().post("/api/plan", "application/json",
                    HostileDisplayText.openApiWithHostileVersion());

            assertProblem(response, 400, "invalid-spec");
            String body = new String(response.body(), StandardCharsets.UTF_8);
            // the detail quotes the spec's version: C1 CSI and RLO as escapes, never raw (issue 23)
            assertThat(body).contains("\\u009b32mgreen\\u202eevil");
            assertThat(body.codePoints().filter(InvisibleCharacters::hidden)).isEmpty();
        }

        @Test
        void should_answer_broken_yaml_with_its_line_and_column() throws Exception {
            HttpResponse<byte[]> response = http().post("/api/plan", "application/yaml",
                    "project:\n  name: [unclosed\n".getBytes(StandardCharsets.UTF_8));

            assertProblem(response, 400, "invalid-spec");
            assertThat(Http.json(response).path("location").asText()).matches("line \\d+, column \\d+");
        }

        @Test
        void should_refuse_a_body_over_the_server_limit_with_413() throws Exception {
            byte[] big = new byte[5 * 1024 * 1024 + 1];
            java.util.Arrays.fill(big, (byte) 'a');

            HttpResponse<byte[]> response = http().post("/api/generate", "application/yaml", big);

            assertProblem(response, 413, "body-too-large");
            assertThat(Http.json(response).path("detail").asText()).contains("5242880");
        }

        @Test
        void should_refuse_an_unsupported_media_type_with_415() throws Exception {
            assertProblem(http().post("/api/generate", "application/xml", orders()), 415, "unsupported-media-type");

            HttpResponse<byte[]> form = http().post("/api/jobs", "application/x-www-form-urlencoded", orders());
            assertProblem(form, 415, "unsupported-media-type");
            assertThat(Http.json(form).path("detail").asText()).contains("--data-binary");
        }

        @Test
        void should_answer_404_for_an_unknown_job() throws Exception {
            assertProblem(http().get("/api/jobs/no-such-job"), 404, "unknown-job");
            assertProblem(http().get("/api/jobs/no-such-job/result"), 404, "unknown-job");
        }

        @Test
        void should_list_the_installed_stacks_with_their_outputs() throws Exception {
            HttpResponse<byte[]> response = http().get("/api/stacks");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode stacks = Http.json(response);
            assertThat(stacks).isNotEmpty();
            JsonNode camel = stacks.get(0);
            assertThat(camel.path("name").asText()).isEqualTo("camel-service");
            List<String> paths = new ArrayList<>();
            camel.path("outputs").forEach(o -> paths.add(o.path("path").asText()));
            assertThat(paths).contains("pom.xml");
        }

        @Test
        void should_not_echo_request_headers_in_the_answer() throws Exception {
            HttpResponse<byte[]> response = http().send(http().request("/api/stacks")
                    .header("X-API-Key", "not-configured-but-secret").GET().build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-API-Key"));
        }
    }

    @Nested
    class ApiKey extends SpecforgeTestSupport {


        @Override
        protected Properties extraProperties() {
            Properties p = new Properties();
            p.put("specforge.http.api-key", "s3cret-key");
            return p;
        }


        @Test
        void should_refuse_a_missing_or_wrong_key_with_401() throws Exception {
            HttpResponse<byte[]> missing = http().get("/api/stacks");
            assertProblem(missing, 401, "unauthorized");
            assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

            assertProblem(http().send(http().request("/api/stacks").header("Authorization", "Bearer s3cret-kez").GET()
                    .build()), 401, "unauthorized");
            assertProblem(http().send(http().request("/api/generate").header("X-API-Key", "s3cret")
                    .header("Content-Type", "application/yaml")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(orders())).build()), 401, "unauthorized");
            assertThat(zips(outbox)).isEmpty();
        }

        @Test
        void should_accept_the_key_as_a_bearer_token_or_an_x_api_key_header() throws Exception {
            assertThat(http().send(http().request("/api/stacks").header("Authorization", "Bearer s3cret-key").GET()
                    .build()).statusCode()).isEqualTo(200);
            assertThat(http().send(http().request("/api/stacks").header("X-API-Key", "s3cret-key").GET()
                    .build()).statusCode()).isEqualTo(200);
        }

        @Test
        void should_leave_health_and_metrics_open_for_probes() throws Exception {
            http().awaitHealthy();
            assertThat(http().get("/observe/metrics").statusCode()).isEqualTo(200);
        }
    }

    /** One worker, one queue slot, and an LLM server that holds every call: jobs stay where the test puts them. */
    @Nested
    class BoundedQueue extends SpecforgeTestSupport {


        @Override
        protected Properties extraProperties() {
            Properties p = LlmEnrichmentTest.openAi(SERVER);
            p.put("specforge.jobs.workers", "1");
            p.put("specforge.jobs.max-queued", "1");
            p.put("specforge.jobs.retry-after-seconds", "7");
            return p;
        }

        @BeforeEach
        void resetServer() {
            SERVER.reset();
        }

        @Test
        void should_answer_429_with_retry_after_when_the_queue_is_full_and_cancel_queued_and_running_jobs()
                throws Exception {
            SERVER.hold();
            String running;
            try {
                running = http().post("/api/jobs", "application/yaml", orders()).headers()
                        .firstValue("Location").orElseThrow();
                // the first job is running once its first LLM call is held by the server
                await().atMost(Duration.ofMinutes(1)).until(() -> SERVER.held() > 0);
                JsonNode status = Http.json(http().get(running));
                assertThat(status.path("state").asText()).isEqualTo("running");
                assertThat(status.path("phase").asText()).isEqualTo("enrich");
                assertThat(status.path("filesTotal").asInt()).isEqualTo(43);
                assertThat(status.path("llmRequests").asInt()).isZero();
                assertProblem(http().get(running + "/result"), 409, "not-finished");

                HttpResponse<byte[]> second = http().post("/api/jobs", "application/yaml", orders());
                assertThat(second.statusCode()).isEqualTo(202);
                String queued = second.headers().firstValue("Location").orElseThrow();
                assertThat(Http.json(http().get(queued)).path("state").asText()).isEqualTo("queued");

                HttpResponse<byte[]> third = http().post("/api/jobs", "application/yaml", orders());
                assertProblem(third, 429, "queue-full");
                assertThat(third.headers().firstValue("Retry-After")).hasValue("7");
                HttpResponse<byte[]> sync = http().post("/api/generate", "application/yaml", orders());
                assertProblem(sync, 429, "queue-full");

                // cancel the queued job: at once
                HttpResponse<byte[]> cancelQueued = http().delete(queued);
                assertThat(cancelQueued.statusCode()).isEqualTo(202);
                assertThat(Http.json(cancelQueued).path("state").asText()).isEqualTo("cancelled");
                assertProblem(http().get(queued + "/result"), 409, "cancelled");

                // cancel the running job: it stops at its next check, after the held call returns
                HttpResponse<byte[]> cancelRunning = http().delete(running);
                assertThat(cancelRunning.statusCode()).isEqualTo(202);
                assertThat(Http.json(cancelRunning).path("cancelRequested").asBoolean()).isTrue();
            } finally {
                SERVER.release();
            }
            await().atMost(Duration.ofMinutes(1)).until(() ->
                    Http.json(http().get(running)).path("state").asText().equals("cancelled"));
            assertProblem(http().get(running + "/result"), 409, "cancelled");
            // a cancelled run writes no zip and nothing to the dead letter
            assertThat(zips(outbox)).isEmpty();
            assertThat(deadLetter).satisfiesAnyOf(d -> assertThat(d).doesNotExist(), d -> assertThat(d).isEmptyDirectory());
            // the queue is free again
            assertThat(http().post("/api/generate", "application/yaml", orders()).statusCode()).isEqualTo(200);
        }

        @Test
        void should_free_the_place_of_a_job_cancelled_while_queued_at_once_and_never_run_it() throws Exception {
            SERVER.hold();
            String running;
            String next;
            try {
                running = http().post("/api/jobs", "application/yaml", orders()).headers()
                        .firstValue("Location").orElseThrow();
                await().atMost(Duration.ofMinutes(1)).until(() -> SERVER.held() > 0);
                String queued = http().post("/api/jobs", "application/yaml", orders()).headers()
                        .firstValue("Location").orElseThrow();
                assertProblem(http().post("/api/jobs", "application/yaml", orders()), 429, "queue-full");

                assertThat(http().delete(queued).statusCode()).isEqualTo(202);

                // its place on the queue is free at once, while the first job still holds the only worker
                HttpResponse<byte[]> accepted = http().post("/api/jobs", "application/yaml", orders());
                assertThat(accepted.statusCode()).isEqualTo(202);
                next = accepted.headers().firstValue("Location").orElseThrow();
                assertThat(Http.json(http().get(running)).path("state").asText()).isEqualTo("running");
                assertThat(Http.json(http().get(next)).path("state").asText()).isEqualTo("queued");
                assertThat(http().delete(next).statusCode()).isEqualTo(202);
                assertThat(http().delete(running).statusCode()).isEqualTo(202);
            } finally {
                SERVER.release();
            }
            await().atMost(Duration.ofMinutes(1)).until(() ->
                    Http.json(http().get(running)).path("state").asText().equals("cancelled"));
            // the jobs cancelled while queued never started
            assertThat(Http.json(http().get(next)).path("startedAt").isMissingNode()).isTrue();
            assertThat(zips(outbox)).isEmpty();
        }
    }
}
