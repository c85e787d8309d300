package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.FakeLlmServer;
import dev.specforge.support.Http;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /observe/metrics} (Prometheus) and {@code /observe/health} (live, ready) over real HTTP, after real runs
 * against a fake LLM server that speaks the OpenAI wire format.
 */
class ObservabilityTest {

    static final FakeLlmServer SERVER = FakeLlmServer.start();
    static final Path ORDERS = Path.of("src/test/resources/specs/orders.yaml");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    /** @return the Prometheus samples of {@code /observe/metrics}, {@code name{labels}} to value */
    static Map<String, Double> scrape(Http http) throws Exception {
        HttpResponse<byte[]> response = http.get("/observe/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : new String(response.body(), StandardCharsets.UTF_8).split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (!line.startsWith("#") && m.matches()) {
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
        }
        return samples;
    }

    /** @return the sum of every sample of {@code name} whose labels contain each of {@code labels} */
    static double sum(Map<String, Double> samples, String name, String... labels) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> java.util.Arrays.stream(labels).allMatch(l -> e.getKey().contains(l)))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    static Properties openAi() {
        return LlmEnrichmentTest.openAi(SERVER);
    }

    @Nested
    class AfterARun extends SpecforgeTestSupport {


        @Override
        protected Properties extraProperties() {
            return openAi();
        }

        @BeforeEach
        void resetServer() {
            SERVER.reset();
        }

        @Test
        void should_expose_the_specforge_meters_with_the_run_counted() throws Exception {
            assertThat(http().post("/api/generate", "application/yaml", Files.readAllBytes(ORDERS)).statusCode())
                    .isEqualTo(200);
            assertThat(http().post("/api/generate", "application/yaml", "name: [".getBytes(StandardCharsets.UTF_8))
                    .statusCode()).isEqualTo(400);

            Map<String, Double> m = scrape(http());

            assertThat(sum(m, "specforge_specs_total", "outcome=\"ok\"")).isEqualTo(1);
            assertThat(sum(m, "specforge_specs_total", "outcome=\"failed\"")).isEqualTo(1);
            assertThat(sum(m, "specforge_files_total")).isEqualTo(43);
            assertThat(sum(m, "specforge_files_total", "source=\"llm\"")).isPositive();
            assertThat(sum(m, "specforge_spec_duration_seconds_count", "outcome=\"ok\"")).isEqualTo(1);
            assertThat(sum(m, "specforge_spec_duration_seconds_bucket", "outcome=\"ok\"", "le=\"+Inf\"")).isEqualTo(1);
            assertThat(sum(m, "specforge_llm_requests_total", "outcome=\"ok\"")).isEqualTo(SERVER.requests().size())
                    .isPositive();
            assertThat(sum(m, "specforge_llm_tokens_total", "type=\"input\"")).isEqualTo(SERVER.inputTokens());
            assertThat(sum(m, "specforge_llm_tokens_total", "type=\"output\"")).isEqualTo(SERVER.outputTokens());
            assertThat(sum(m, "specforge_llm_cost_usd_total")).isPositive();
            assertThat(sum(m, "specforge_llm_cache_total", "result=\"miss\"")).isEqualTo(16);
            assertThat(m).containsKeys("specforge_jobs{state=\"queued\"}", "specforge_jobs{state=\"running\"}");
            // Camel's own meters are there too
            assertThat(m.keySet()).anyMatch(k -> k.startsWith("camel_exchanges_total"));

            // the same spec again is answered from the result store: no LLM lookup at all, every file from cache
            assertThat(http().post("/api/generate", "application/yaml", Files.readAllBytes(ORDERS)).statusCode())
                    .isEqualTo(200);
            Map<String, Double> again = scrape(http());
            assertThat(sum(again, "specforge_llm_cache_total")).isEqualTo(sum(m, "specforge_llm_cache_total"));
            assertThat(sum(again, "specforge_files_total", "source=\"cache\""))
                    .isEqualTo(sum(m, "specforge_files_total"));
        }

        @Test
        void should_have_a_grafana_dashboard_that_queries_only_meters_specforge_exposes() throws Exception {
            assertThat(http().post("/api/generate", "application/yaml", Files.readAllBytes(ORDERS)).statusCode())
                    .isEqualTo(200);
            Map<String, Double> m = scrape(http());
            JsonNode dashboard = JSON.readTree(Path.of("config/grafana/specforge-dashboard.json").toFile());

            java.util.Set<String> queried = new java.util.TreeSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    Matcher names = Pattern.compile("specforge_[a-z_]+").matcher(target.path("expr").asText());
                    while (names.find()) {
                        queried.add(names.group());
                    }
                }
            }

            assertThat(queried).contains("specforge_specs_total", "specforge_files_total",
                    "specforge_spec_duration_seconds_bucket", "specforge_llm_requests_total",
                    "specforge_llm_tokens_total", "specforge_llm_cost_usd_total", "specforge_llm_cache_total",
                    "specforge_jobs");
            assertThat(queried).allSatisfy(name -> assertThat(m.keySet())
                    .as("meter %s in /observe/metrics", name)
                    .anyMatch(k -> k.equals(name) || k.startsWith(name + "{")));
        }

        @Test
        void should_be_up_live_and_ready_with_the_specforge_checks() throws Exception {
            http().awaitHealthy();

            assertThat(Http.json(http().get("/observe/health/live")).path("status").asText()).isEqualTo("UP");
            HttpResponse<byte[]> ready = http().get("/observe/health/ready?exposureLevel=full");
            assertThat(ready.statusCode()).isEqualTo(200);
            Map<String, String> checks = new HashMap<>();
            Http.json(ready).path("checks").forEach(c -> checks.put(c.path("name").asText(), c.path("status").asText()));
            assertThat(checks).containsEntry("specforge-outbox", "UP").containsEntry("specforge-templates", "UP")
                    .containsEntry("specforge-llm-circuit", "UP");
        }

        @Test
        void should_not_be_ready_when_the_outbox_cannot_be_written() throws Exception {
            http().awaitHealthy();
            Path workFolder = outbox.resolve(".work");
            Files.createDirectories(outbox);
            Files.deleteIfExists(workFolder);
            Files.writeString(workFolder, "a file where the work folder should be");

            HttpResponse<byte[]> ready = http().get("/observe/health/ready");

            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode down = Http.json(ready).path("checks").get(0);
            assertThat(down.path("name").asText()).isEqualTo("specforge-outbox");
            assertThat(down.path("message").asText()).contains("not writable");
            // liveness is unaffected: restarting the JVM would not fix a disk
            assertThat(http().get("/observe/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class OpenCircuit extends SpecforgeTestSupport {


        @Override
        protected Properties extraProperties() {
            Properties p = openAi();
            p.put("specforge.llm.max-retries", "0");
            p.put("specforge.llm.circuit-breaker.minimum-calls", "2");
            p.put("specforge.llm.circuit-breaker.open-ms", "600000");
            return p;
        }

        @BeforeEach
        void resetServer() {
            SERVER.reset();
        }

        @Test
        void should_not_be_ready_while_the_llm_circuit_is_open() throws Exception {
            http().awaitHealthy();
            SERVER.failWith(503);

            // the files fall back to offline answers, so the spec still succeeds
            assertThat(http().post("/api/generate", "application/yaml", Files.readAllBytes(ORDERS)).statusCode())
                    .isEqualTo(200);

            HttpResponse<byte[]> ready = http().get("/observe/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(Http.json(ready).path("checks").findValuesAsText("name")).contains("specforge-llm-circuit");
            Map<String, Double> m = scrape(http());
            // calls already past the breaker when it opened still count
            assertThat(sum(m, "specforge_llm_requests_total", "outcome=\"error\"")).isEqualTo(SERVER.requests().size())
                    .isGreaterThanOrEqualTo(2);
            assertThat(sum(m, "specforge_files_total", "source=\"fallback\"")).isPositive();
        }
    }
}
