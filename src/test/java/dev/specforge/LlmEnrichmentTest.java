package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.cli.SpecforgeHome;
import dev.specforge.cli.SpecforgeMain;
import dev.specforge.pipeline.EsbHeaders;
import dev.specforge.support.FakeLlmServer;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.JavaCompilation;
import dev.specforge.support.SpecforgeTestSupport;
import dev.specforge.support.SyntheticSpec;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * LLM enrichment against a fake LLM server on loopback that speaks the OpenAI and Anthropic wire formats: batching,
 * caches (L1, L2, restart, single-flight), context filtering, retries with the error fed back, fallback, the circuit
 * breaker, prompt caching, the rate limit and the dry-run estimate. Every run boots the real Camel Main.
 */
class LlmEnrichmentTest {

    static final FakeLlmServer SERVER = FakeLlmServer.start();

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    static Properties openAi() {
        return openAi(SERVER);
    }

    /** @return properties for the OpenAI provider at {@code server}, fast backoff, a high rate limit */
    static Properties openAi(FakeLlmServer server) {
        Properties p = new Properties();
        p.put("specforge.llm.provider", "openai");
        p.put("specforge.llm.base-url", server.openAiBaseUrl());
        p.put("specforge.llm.api-key", "test-key");
        p.put("specforge.llm.backoff-ms", "10");
        p.put("specforge.llm.requests-per-minute", "6000");
        return p;
    }

    /** Common steps: send a spec to direct:generate (the ESB entry) and read its report. */
    abstract static class LlmTestSupport extends SpecforgeTestSupport {

        @BeforeEach
        void resetServer() {
            SERVER.reset();
        }

        /** Every request a test sent stayed inside its provider's strict subset (the fake answers 400 otherwise). */
        @AfterEach
        void everyRequestWasInsideTheStrictSubset() {
            assertThat(SERVER.schemaRefusals()).as("requests refused for a schema outside the strict subset").isEmpty();
        }

        JsonNode generate(byte[] spec, String name) throws Exception {
            Exchange out = template.send("direct:generate", ex -> {
                ex.getMessage().setBody(spec);
                ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, name);
            });
            assertThat(out.getException()).as("generation of " + name).isNull();
            return readJson(outbox.resolve(name.replace(".yaml", ".report.json")));
        }

        /** @return the Micrometer registry the ledger's meters are in */
        io.micrometer.core.instrument.MeterRegistry meters() {
            return context.getRegistry().lookupByNameAndType("metricsRegistry",
                    io.micrometer.core.instrument.MeterRegistry.class);
        }

        static Map<String, String> sources(JsonNode report) {
            Map<String, String> m = new java.util.TreeMap<>();
            report.path("files").forEach(f -> m.put(f.path("path").asText(), f.path("source").asText()));
            return m;
        }

        /** @return "kind:subject" of every item the server was asked about, one entry per ask */
        static List<String> askedItems(List<FakeLlmServer.Request> requests) {
            return requests.stream().flatMap(r -> r.itemIds().stream()).toList();
        }
    }

    @Nested
    class OpenAi extends LlmTestSupport {

        @Override
        protected Properties extraProperties() {
            return openAi();
        }

        @Test
        void should_batch_two_hundred_items_into_few_strict_structured_output_calls_and_book_their_cost() throws Exception {
            byte[] spec = SyntheticSpec.yaml("synth", 10, 19, -1);
            int items = SyntheticSpec.items(10, 19);

            JsonNode report = generate(spec, "synth.yaml");

            JsonNode llm = report.path("llm");
            assertThat(llm.path("items").asInt()).isEqualTo(items).isGreaterThanOrEqualTo(200);
            assertThat(llm.path("requests").asInt()).isEqualTo(SERVER.requests().size())
                    .isLessThanOrEqualTo((int) Math.ceil(items * 0.10));
            assertThat(llm.path("cacheMisses").asInt()).isEqualTo(items);
            assertThat(llm.path("fallbacks").asInt()).isZero();
            assertThat(llm.path("inputTokens").asLong()).isEqualTo(SERVER.inputTokens()).isPositive();
            assertThat(llm.path("outputTokens").asLong()).isEqualTo(SERVER.outputTokens()).isPositive();
            assertThat(llm.path("cachedInputTokens").asLong()).isEqualTo(SERVER.cachedTokens());
            double expectedCost = ((SERVER.inputTokens() - SERVER.cachedTokens()) * 0.15
                    + SERVER.cachedTokens() * 0.15 * 0.5 + SERVER.outputTokens() * 0.60) / 1e6;
            assertThat(llm.path("costUsd").asDouble()).isCloseTo(expectedCost, within(2e-6));
            assertThat(sources(report)).containsEntry("src/main/java/com/example/synth/model/E3.java", "llm")
                    .containsEntry("src/test/resources/samples/e3.json", "llm")
                    .containsEntry("pom.xml", "template");
            assertThat(llm.path("llmFiles").asInt() + llm.path("templateFiles").asInt())
                    .isEqualTo(report.path("counts").path("files").asInt());

            FakeLlmServer.Request first = SERVER.requests().get(0);
            assertThat(first.path()).isEqualTo("/v1/chat/completions");
            assertThat(first.headers()).containsEntry("authorization", "Bearer test-key");
            JsonNode format = first.body().path("response_format");
            assertThat(format.path("type").asText()).isEqualTo("json_schema");
            assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
            JsonNode schema = format.path("json_schema").path("schema");
            assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
            assertThat(schema.path("required")).hasSize(first.items().size());

            GeneratedZip project = GeneratedZip.read(outbox.resolve("synth.zip"));
            assertThat(project.files()).containsKey("README.md");
            assertThat(project.files().get("README.md")).contains("Fake LLM: An e3 record with 19 fields");
            assertThat(JavaCompilation.errors(project.javaSources(), work.resolve("classes"))).isEmpty();
        }

        /**
         * A server that answers every request with the smallest instance of the schema it was sent (first enum value
         * or branch, empty strings and lists where allowed), as an independent OpenAI-compatible server with strict
         * decoding may: the schema is the whole contract, so nothing is refused, retried or left to the fallback.
         */
        @Test
        void should_accept_every_answer_of_a_server_that_only_follows_the_schema() throws Exception {
            SERVER.answerMinimal(true);
            int items = SyntheticSpec.items(15, 19);

            JsonNode report = generate(SyntheticSpec.yaml("minimal", 15, 19, -1), "minimal.yaml");

            JsonNode llm = report.path("llm");
            assertThat(llm.path("items").asInt()).isEqualTo(items).isGreaterThanOrEqualTo(300);
            assertThat(llm.path("fallbacks").asInt()).isZero();
            assertThat(llm.path("retries").asInt()).isZero();
            assertThat(llm.path("llmFiles").asInt()).isPositive();
            assertThat(llm.path("requests").asInt()).isEqualTo(SERVER.requests().size())
                    .isLessThanOrEqualTo(items / 10);
            assertThat(SERVER.requests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(askedItems(SERVER.requests())).hasSize(items)
                    .anySatisfy(i -> assertThat(i).startsWith("field_validators:"))
                    .anySatisfy(i -> assertThat(i).startsWith("entity_docs:"))
                    .anySatisfy(i -> assertThat(i).startsWith("sample_data:"));
            GeneratedZip project = GeneratedZip.read(outbox.resolve("minimal.zip"));
            assertThat(JavaCompilation.errors(project.javaSources(), work.resolve("classes"))).isEmpty();
        }

        @Test
        void should_carry_only_the_item_and_the_entities_it_references_in_each_request() throws Exception {
            generate(SyntheticSpec.yaml("synth", 6, 4, -1), "synth.yaml");

            for (FakeLlmServer.Request r : SERVER.requests()) {
                r.items().forEach(ctx -> {
                    if (ctx.path("entity").isObject()) {
                        String name = ctx.path("entity").path("name").asText();
                        int n = Integer.parseInt(name.substring(1));
                        Set<String> related = new HashSet<>();
                        ctx.path("related").forEach(e -> related.add(e.path("name").asText()));
                        assertThat(related).as("context of " + name)
                                .isEqualTo(n + 1 < 6 ? Set.of("E" + (n + 1)) : Set.of());
                    } else {
                        assertThat(ctx.path("field").isObject()).isTrue();
                        assertThat(ctx.has("related")).isFalse();
                    }
                });
                assertThat(r.userText()).doesNotContain("synth");
            }
        }

        @Test
        void should_make_no_call_for_a_repeated_spec_nor_after_a_restart_and_reask_only_what_a_change_touches() throws Exception {
            byte[] spec = SyntheticSpec.yaml("synth", 5, 6, -1);
            JsonNode first = generate(spec, "synth.yaml");
            int calls = SERVER.requests().size();
            assertThat(calls).isPositive();

            // the same spec again: the Idempotent Consumer answers it from the result store
            JsonNode again = generate(spec, "synth-again.yaml");
            assertThat(SERVER.requests()).hasSize(calls);
            assertThat(again.path("llm").path("requests").asInt()).isZero();
            assertThat(sources(again).values()).containsOnly("cache");
            assertThat(Files.readAllBytes(outbox.resolve("synth-again.zip")))
                    .isEqualTo(Files.readAllBytes(outbox.resolve("synth.zip")));

            // a restart: a new Main with the same cache folder has an empty L1 and reads L2; without the stored
            // results and files, every file renders again from the cached answers
            deleteTree(cacheFolder().resolve("results"));
            deleteTree(cacheFolder().resolve("files"));
            Path restartOut = work.resolve("restart-out");
            Main main = SpecforgeMain.create(SpecforgeHome.current(null), Map.of(
                    "specforge.inbox.enabled", "false",
                    "specforge.outbox.dir", restartOut.toString(),
                    "specforge.deadletter.dir", restartOut.resolve("failed").toString(),
                    "specforge.work.dir", restartOut.resolve(".work").toString(),
                    "specforge.cache.dir", cacheFolder().toString(),
                    "specforge.llm.provider", "openai",
                    "specforge.llm.base-url", SERVER.openAiBaseUrl(),
                    "specforge.llm.api-key", "test-key"));
            main.start();
            try {
                Exchange out = main.getCamelContext().createProducerTemplate().send("direct:generate", ex -> {
                    ex.getMessage().setBody(spec);
                    ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, "synth.yaml");
                });
                assertThat(out.getException()).isNull();
            } finally {
                main.stop();
            }
            assertThat(SERVER.requests()).as("calls after a restart").hasSize(calls);
            JsonNode restarted = readJson(restartOut.resolve("synth.report.json"));
            assertThat(restarted.path("llm").path("cacheHits").asInt()).isEqualTo(first.path("llm").path("items").asInt());
            assertThat(sources(restarted)).containsEntry("src/main/java/com/example/synth/model/E2.java", "llm-cache");
            assertThat(Files.readAllBytes(restartOut.resolve("synth.zip")))
                    .isEqualTo(Files.readAllBytes(outbox.resolve("synth.zip")));

            // change one field (E2.f1 gets a maxLength): only E2.f1's validators and the samples of E2 and of E1,
            // which refers to E2, change their context; descriptions do not read bounds
            SERVER.reset();
            JsonNode changed = generate(SyntheticSpec.yaml("synth", 5, 6, 2), "synth-changed.yaml");
            assertThat(askedItems(SERVER.requests())).containsExactlyInAnyOrder(
                    "field_validators:E2.f1", "sample_data:E1", "sample_data:E2");
            assertThat(changed.path("llm").path("cacheMisses").asInt()).isEqualTo(3);
            // files reading only unchanged entities come from the per-file result cache
            assertThat(sources(changed)).containsEntry("src/main/java/com/example/synth/model/E2.java", "llm")
                    .containsEntry("src/main/java/com/example/synth/model/E4.java", "cache")
                    .containsEntry("src/main/java/com/example/synth/repository/E4Repository.java", "cache")
                    .containsEntry("README.md", "llm-cache");
        }

        @Test
        void should_coalesce_identical_concurrent_specs_into_one_set_of_calls() throws Exception {
            byte[] spec = SyntheticSpec.yaml("synth", 3, 5, -1);
            SERVER.latency(300);
            List<CompletableFuture<Exchange>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "same-" + i + ".yaml";
                runs.add(template.asyncSend("direct:generate", ex -> {
                    ex.getMessage().setBody(spec);
                    ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, name);
                }));
            }
            for (CompletableFuture<Exchange> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS).getException()).isNull();
            }
            int items = SyntheticSpec.items(3, 5);
            int oneRunCalls = 3; // one batch per kind: 15 field items, 3 entity-docs, 3 sample-data (batch size 20)
            assertThat(SERVER.requests()).hasSize(oneRunCalls);
            assertThat(askedItems(SERVER.requests())).hasSize(items).doesNotHaveDuplicates();
            long paid = 0;
            for (int i = 0; i < 4; i++) {
                paid += readJson(outbox.resolve("same-" + i + ".report.json")).path("llm").path("requests").asLong();
            }
            assertThat(paid).isEqualTo(oneRunCalls);
        }
    }

    @Nested
    class InvalidAnswers extends LlmTestSupport {

        @Override
        protected Properties extraProperties() {
            return openAi();
        }

        @Test
        void should_retry_an_answer_that_breaks_its_schema_with_the_error_then_fall_back_to_offline() throws Exception {
            SERVER.mutateAnswers((context, answer) -> {
                if ("E1".equals(context.path("entity").asText()) && "f0".equals(context.path("field").path("name").asText())) {
                    ObjectNode bad = answer.deepCopy();
                    bad.putArray("constraints").addObject().put("kind", "pattern").put("value", "([unclosed");
                    return bad;
                }
                return answer;
            });

            JsonNode report = generate(SyntheticSpec.yaml("synth", 2, 4, -1), "synth.yaml");

            List<FakeLlmServer.Request> asks = SERVER.requests().stream()
                    .filter(r -> askedItems(List.of(r)).contains("field_validators:E1.f0")).toList();
            assertThat(asks).hasSize(3);
            assertThat(asks.get(0).userText()).doesNotContain("rejected");
            for (FakeLlmServer.Request retry : asks.subList(1, 3)) {
                assertThat(retry.userText()).contains("rejected").contains("i1 (E1.f0)")
                        .contains("/constraints/0/value: the regular expression does not compile");
                assertThat(retry.items()).hasSize(1);
            }
            JsonNode llm = report.path("llm");
            assertThat(llm.path("fallbacks").asInt()).isEqualTo(1);
            assertThat(llm.path("retries").asInt()).isEqualTo(2);
            assertThat(sources(report)).containsEntry("src/main/java/com/example/synth/model/E1.java", "fallback")
                    .containsEntry("src/main/java/com/example/synth/model/E0.java", "llm");
            String e1 = GeneratedZip.read(outbox.resolve("synth.zip")).files().get("src/main/java/com/example/synth/model/E1.java");
            assertThat(e1).doesNotContain("unclosed");
        }
    }

    @Nested
    class RateLimitedByTheServer extends LlmTestSupport {

        @Override
        protected Properties extraProperties() {
            Properties p = openAi();
            p.put("specforge.llm.max-concurrency", "1");
            return p;
        }

        @Test
        void should_wait_what_retry_after_ms_asks_then_get_the_answer() throws Exception {
            SERVER.rateLimitNext(2, 400);

            JsonNode report = generate(SyntheticSpec.yaml("synth", 1, 3, -1), "synth.yaml");

            List<FakeLlmServer.Request> requests = SERVER.requests();
            assertThat(requests.get(0).status()).isEqualTo(429);
            assertThat(requests.get(1).status()).isEqualTo(429);
            assertThat(requests.get(2).status()).isEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(requests.get(1).nanos() - requests.get(0).nanos())).isGreaterThanOrEqualTo(400);
            assertThat(TimeUnit.NANOSECONDS.toMillis(requests.get(2).nanos() - requests.get(1).nanos())).isGreaterThanOrEqualTo(400);
            JsonNode llm = report.path("llm");
            assertThat(llm.path("rateLimited").asInt()).isEqualTo(2);
            assertThat(llm.path("fallbacks").asInt()).isZero();
            assertThat(llm.path("requests").asInt()).isEqualTo(SERVER.answered().size());

            // the ledger's figures are also Micrometer meters
            var meters = meters();
            assertThat(meters.get("specforge.llm.requests").tag("outcome", "rate_limited").counter().count()).isEqualTo(2);
            assertThat(meters.get("specforge.llm.requests").tag("outcome", "ok").counter().count())
                    .isEqualTo(llm.path("requests").asDouble());
            assertThat(meters.get("specforge.llm.tokens").tag("type", "input").counter().count())
                    .isEqualTo(llm.path("inputTokens").asDouble());
        }
    }

    @Nested
    class SlowServer extends LlmTestSupport {

        @Override
        protected Properties extraProperties() {
            Properties p = openAi();
            p.put("specforge.llm.timeout-ms", "300");
            p.put("specforge.llm.max-retries", "1");
            return p;
        }

        @Test
        void should_cut_calls_at_the_timeout_retry_once_and_fall_back() throws Exception {
            SERVER.latency(3000);

            JsonNode report = generate(SyntheticSpec.yaml("synth", 1, 3, -1), "synth.yaml");

            int items = SyntheticSpec.items(1, 3);
            assertThat(report.path("status").asText()).isEqualTo("ok");
            assertThat(report.path("llm").path("fallbacks").asInt()).isEqualTo(items);
            var meters = meters();
            // one batch per kind, each tried once and retried once, every call cut by the timeout
            assertThat(meters.get("specforge.llm.requests").tag("outcome", "error").counter().count()).isEqualTo(3 * 2);
            assertThat(report.path("llm").path("durationMs").asLong()).as("cut well before the server's 3 s")
                    .isLessThan(2500);
        }
    }

    @Nested
    class ServerDown extends LlmTestSupport {

        @Override
        protected Properties extraProperties() {
            Properties p = openAi();
            p.put("specforge.llm.batch-size", "2");
            p.put("specforge.llm.max-concurrency", "1");
            p.put("specforge.llm.circuit-breaker.minimum-calls", "5");
            p.put("specforge.llm.circuit-breaker.open-ms", "600000");
            return p;
        }

        @Test
        void should_open_the_circuit_breaker_and_still_complete_the_spec_offline() throws Exception {
            SERVER.failWith(503);

            JsonNode report = generate(SyntheticSpec.yaml("synth", 4, 4, -1), "synth.yaml");

            int items = SyntheticSpec.items(4, 4);
            int batches = 8 + 2 + 2; // 16 field items, 4 entity-docs, 4 sample-data in batches of 2
            int triesPerBatch = 4; // 1 + specforge.llm.max-retries
            // without the breaker every batch would try 4 times (48 calls); it opens after 5 failures
            assertThat(SERVER.requests()).hasSizeBetween(5, 8).hasSizeLessThan(batches * triesPerBatch);
            assertThat(SERVER.requests()).allMatch(r -> r.status() == 503);
            assertThat(report.path("status").asText()).isEqualTo("ok");
            assertThat(report.path("llm").path("fallbacks").asInt()).isEqualTo(items);
            assertThat(sources(report)).containsEntry("src/main/java/com/example/synth/model/E0.java", "fallback");
            assertThat(outbox.resolve("synth.zip")).exists();
        }
    }

    @Nested
    class Anthropic extends LlmTestSupport {

        @Override
        protected Properties extraProperties() {
            Properties p = new Properties();
            p.put("specforge.llm.provider", "anthropic");
            p.put("specforge.llm.base-url", SERVER.anthropicBaseUrl());
            p.put("specforge.llm.api-key", "test-key");
            p.put("specforge.llm.batch-size", "4");
            p.put("specforge.llm.backoff-ms", "10");
            return p;
        }

        @Test
        void should_mark_the_stable_prefix_for_prompt_caching_and_report_the_servers_cached_tokens() throws Exception {
            // 8 entities: each field type's items fill two batches of 4 with one answer schema, so the second call
            // of each repeats the first one's tools and system prefix and reads it from the cache
            byte[] spec = SyntheticSpec.yaml("synth", 8, 6, -1);
            JsonNode plan = JSON.readTree(template.requestBody("direct:dry-run", spec, String.class));

            JsonNode report = generate(spec, "synth.yaml");

            List<FakeLlmServer.Request> requests = SERVER.requests();
            for (FakeLlmServer.Request r : requests) {
                assertThat(r.path()).isEqualTo("/v1/messages");
                assertThat(r.headers()).containsEntry("x-api-key", "test-key").containsEntry("anthropic-version", "2023-06-01");
                assertThat(r.body().path("system").path(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
                assertThat(r.body().path("tool_choice").path("type").asText()).isEqualTo("tool");
                assertThat(r.body().path("tools").path(0).path("strict").asBoolean()).isTrue();
                assertThat(r.body().path("tools").path(0).path("input_schema").path("additionalProperties").asBoolean(true))
                        .isFalse();
            }
            JsonNode llm = report.path("llm");
            assertThat(SERVER.cachedTokens()).isPositive();
            assertThat(llm.path("cachedInputTokens").asLong()).isEqualTo(SERVER.cachedTokens());
            assertThat(llm.path("cacheWriteTokens").asLong()).isEqualTo(SERVER.cacheWriteTokens());
            assertThat(llm.path("inputTokens").asLong()).isEqualTo(SERVER.inputTokens());

            // the dry run, made before, estimated calls and cost within 15% of the real run
            JsonNode estimate = plan.path("llm");
            assertThat(estimate.path("calls").asDouble()).isCloseTo(llm.path("requests").asDouble(),
                    within(0.15 * llm.path("requests").asDouble()));
            assertThat(estimate.path("costUsd").asDouble()).isCloseTo(llm.path("costUsd").asDouble(),
                    within(0.15 * llm.path("costUsd").asDouble()));
            assertThat(plan.path("fileCount").asInt()).isEqualTo(report.path("counts").path("files").asInt());
            assertThat(estimate.path("items").asInt()).isEqualTo(llm.path("items").asInt());
        }
    }

    @Nested
    class RateLimit extends LlmTestSupport {

        static final int RPM = 1200;
        static final int ENTITIES = 20;
        static final int FIELDS = 68;

        @Override
        protected Properties extraProperties() {
            Properties p = openAi();
            p.put("specforge.llm.requests-per-minute", String.valueOf(RPM));
            p.put("specforge.llm.max-concurrency", "8");
            p.put("specforge.llm.batch-size", "1");
            return p;
        }

        /**
         * How close the wall time comes to the token bucket's bound is a speed figure, measured in bench/run.sh
         * (scenario 4: wall / rpm bound), not here; this test holds what must never happen: a 429.
         */
        @Test
        void should_see_no_429_when_calls_exceed_one_minutes_allowance() throws Exception {
            SERVER.rateLimit(RPM);
            SERVER.latency(10);
            int calls = SyntheticSpec.items(ENTITIES, FIELDS);
            assertThat(calls).isGreaterThan(RPM);

            JsonNode report = generate(SyntheticSpec.yaml("synth", ENTITIES, FIELDS, -1), "synth.yaml");

            assertThat(SERVER.rateLimited()).isZero();
            assertThat(SERVER.requests()).hasSize(calls);
            assertThat(report.path("llm").path("rateLimited").asInt()).isZero();
            assertThat(report.path("llm").path("fallbacks").asInt()).isZero();
        }
    }
}
