package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.Corpus;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.JavaCompilation;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Real third-party OpenAPI documents from ../shared/corpus (skipped when the corpus is absent). */
class CorpusGenerationTest extends SpecforgeTestSupport {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "openapi/swagger-petstore-v3.openapi.yaml",
            "openapi/xero-projects.yaml",
            "openapi/twilio_lookups_v2.yaml",
            "openapi/box-openapi-v2025.0.json",
            "openapi/spotify-fixed-open-api.yml",
            "openapi/redocly-museum.openapi.yaml",
            "openapi/oai-example-petstore-expanded.yaml"})
    void should_turn_a_real_openapi_document_into_a_zip_whose_java_compiles(String relative) throws Exception {
        Path spec = Corpus.file(relative);
        String name = spec.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));

        dropAndAwait(spec, name);

        assertThat(deadLetter.resolve(name + ".error.json")).as("no error report").doesNotExist();
        JsonNode report = readJson(outbox.resolve(base + ".report.json"));
        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("format").asText()).isEqualTo("openapi");
        GeneratedZip project = GeneratedZip.read(outbox.resolve(base + ".zip"));
        assertThat(project.files()).containsKey("pom.xml");
        assertThat(project.javaSources()).isNotEmpty();
        assertThat(JavaCompilation.errors(project.javaSources(), work.resolve("classes"))).isEmpty();
    }
}
