package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.Http;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /} and the other open pages over real HTTP, with the API key set: content negotiation between the web
 * page, the capabilities and the help; ETag revalidation; examples; and that none of it opens {@code /api/*}.
 */
class HomePageTest extends SpecforgeTestSupport {

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("specforge.http.api-key", "home-key");
        return p;
    }

    private HttpResponse<byte[]> get(String path, String accept) throws Exception {
        var request = http().request(path).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http().send(request.build());
    }

    @Test
    void should_answer_the_capabilities_as_json_with_an_etag_that_revalidates() throws Exception {
        HttpResponse<byte[]> answer = get("/", "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(answer.headers().firstValue("Vary")).hasValue("Accept");
        JsonNode capabilities = Http.json(answer);
        assertThat(capabilities.path("stacks").findValuesAsText("name"))
                .containsExactly("camel-service", "express-api", "go-service");
        assertThat(capabilities.path("stacks").get(0).path("outputs").size()).isPositive();
        assertThat(capabilities.path("defaultStack").asText()).isEqualTo("camel-service");
        assertThat(capabilities.path("apiKeyRequired").asBoolean()).isTrue();
        assertThat(capabilities.path("llm").path("provider").asText()).isEqualTo("offline");
        assertThat(capabilities.path("llm").path("keySet").asBoolean()).isFalse();
        assertThat(capabilities.path("limits").path("specMaxBytes").asLong()).isEqualTo(16_777_216L);
        assertThat(capabilities.path("inputFormats").findValuesAsText("id"))
                .contains("specforge", "openapi", "swagger", "json-schema", "zip");
        assertThat(capabilities.path("examples").findValuesAsText("name")).contains("orders.yaml");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).doesNotContain("home-key");

        String etag = answer.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        HttpResponse<byte[]> again = http().send(http().request("/").header("Accept", "application/json")
                .header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<byte[]> stale = http().send(http().request("/").header("Accept", "application/json")
                .header("If-None-Match", "\"0000\"").GET().build());
        assertThat(stale.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE | text/plain; charset=utf-8",
            "*/* | text/plain; charset=utf-8",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | text/html; charset=utf-8",
            "application/json, text/plain;q=0.5 | application/json",
            "text/*;q=0.3, application/json;q=0.2 | text/plain; charset=utf-8",
            "text/html;q=0, */*;q=0.1 | text/plain; charset=utf-8"})
    void should_negotiate_the_answer_of_get_slash_by_accept(String accept, String type) throws Exception {
        HttpResponse<byte[]> answer = get("/", accept);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(type);
    }

    @Test
    void should_print_a_help_with_runnable_commands_for_curl() throws Exception {
        String help = new String(get("/", null).body(), StandardCharsets.UTF_8);

        assertThat(help).contains("camel-service, express-api, go-service")
                .contains("/api/generate").contains("/api/plan").contains("/examples/orders.yaml")
                .contains("-H \"X-API-Key: $SPECFORGE_KEY\"");
    }

    @Test
    void should_refuse_an_accept_it_cannot_answer_with_406() throws Exception {
        HttpResponse<byte[]> answer = get("/", "image/png");

        HttpApiTest.assertProblem(answer, 406, "not-acceptable");
    }

    @Test
    void should_serve_the_examples_and_nothing_else_without_the_key() throws Exception {
        HttpResponse<byte[]> example = get("/examples/orders.yaml", null);
        assertThat(example.statusCode()).isEqualTo(200);
        assertThat(example.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(example.body()).isEqualTo(Files.readAllBytes(Path.of("examples/orders.yaml")));

        HttpApiTest.assertProblem(get("/examples/..%2Fconfig%2Fapplication.properties", null), 404, "not-found");
        HttpApiTest.assertProblem(get("/examples/missing.yaml", null), 404, "not-found");
        HttpApiTest.assertProblem(get("/web/..%2F..%2Flogback.xml", null), 404, "not-found");
        HttpApiTest.assertProblem(get("/web/missing.js", null), 404, "not-found");
        // the API itself still needs the key
        HttpApiTest.assertProblem(get("/api/stacks", "application/json"), 401, "unauthorized");
    }

    @Test
    void should_serve_the_web_page_to_a_browser() throws Exception {
        HttpResponse<byte[]> page = get("/", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).containsIgnoringCase("<!doctype html>");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self'").contains("frame-ancestors 'none'"));
    }
}
