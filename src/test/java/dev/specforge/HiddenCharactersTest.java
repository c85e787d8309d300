package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.pipeline.EsbHeaders;
import dev.specforge.support.GeneratedService;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.SpecforgeTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trojan Source (CVE-2021-42574) and terminal escapes in generated code (issue 23): a spec with bidirectional
 * controls, zero-width characters, line separators, C0/C1 controls and ESC sequences in its title, descriptions, enum
 * values, examples and defaults gives, with every stack, a project in which no file holds such a character raw.
 * Values keep them as escapes inside string literals and JSON; prose (comments, Markdown) loses them, and the report
 * warns for each such file.
 */
class HiddenCharactersTest extends SpecforgeTestSupport {

    private static final Path SPEC = Path.of("src/test/resources/specs/hostile-text.openapi.yaml");

    @ParameterizedTest
    @ValueSource(strings = {"camel-service", "go-service", "express-api"})
    void should_leave_no_hidden_character_raw_in_any_generated_file(String stack) throws Exception {
        Exchange result = template.send("direct:generate", ex -> {
            ex.getMessage().setBody(SPEC.toFile());
            ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, SPEC.getFileName().toString());
            ex.getMessage().setHeader(EsbHeaders.HEADER_STACK, stack);
        });
        assertThat(result.getException()).isNull();
        GeneratedZip project = GeneratedZip.read(result.getMessage().getBody(File.class).toPath());
        JsonNode report = readJson(outbox.resolve("hostile-text.openapi.report.json"));

        List<String> hidden = new ArrayList<>();
        project.files().forEach((path, text) -> hidden.addAll(GeneratedService.hiddenCharacters(path, text)));
        assertThat(hidden).as(stack).isEmpty();
        List<String> invalid = new ArrayList<>();
        report.path("files").forEach(f -> {
            if (!f.path("valid").asBoolean()) {
                invalid.add(f.path("path").asText() + ": " + f.path("problem").asText());
            }
        });
        assertThat(invalid).as(stack + ": invalid files").isEmpty();
        // the values keep what the spec said, visibly escaped: the default and the enum value in the contract
        String all = String.join("\n", project.files().values());
        assertThat(all).as("the enum value, escaped").containsIgnoringCase("CLOSED\\u202e");
        assertThat(all).as("the default, escaped").containsIgnoringCase("nobody\\u2066x\\u2069");
        // prose lost them, and the report says where
        List<String> warnings = new ArrayList<>();
        report.path("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("README.md: ")
                .contains("invisible or control characters").contains("CVE-2021-42574"));
        assertThat(project.files().get("README.md")).contains("Manages accounts.");
    }
}
