package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.Golden;
import dev.specforge.support.JavaCompilation;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NativeSpecGenerationTest extends SpecforgeTestSupport {

    private static final Path SPEC = Path.of("src/test/resources/specs/orders.yaml");

    @Test
    void should_turn_a_native_spec_in_the_inbox_into_a_compiling_project_zip_with_the_expected_files() throws Exception {
        dropAndAwait(SPEC, "orders.yaml");

        Path zip = outbox.resolve("orders.zip");
        assertThat(zip).exists();
        GeneratedZip project = GeneratedZip.read(zip);
        assertThat(project.root()).isEqualTo("orders-service");
        Golden.assertMatches("orders/files.txt", String.join("\n", project.files().keySet()) + "\n");
        Golden.assertMatches("orders/pom.xml", project.files().get("pom.xml"));
        Golden.assertMatches("orders/Customer.java",
                project.files().get("src/main/java/com/acme/orders/model/Customer.java"));
        Golden.assertMatches("orders/customer.camel.yaml",
                project.files().get("src/main/resources/routes/customer.camel.yaml"));

        List<String> errors = JavaCompilation.errors(project.javaSources(), work.resolve("classes"));
        assertThat(errors).isEmpty();
        assertThat(work.resolve("classes/com/acme/orders/model/CustomerStatus.class")).exists();

        JsonNode report = readJson(outbox.resolve("orders.report.json"));
        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("spec").asText()).isEqualTo("orders.yaml");
        assertThat(report.path("project").asText()).isEqualTo("orders-service");
        assertThat(report.path("stack").asText()).isEqualTo("camel-service");
        assertThat(report.path("counts").path("files").asInt()).isEqualTo(project.files().size());
        assertThat(report.path("counts").path("valid").asInt()).isEqualTo(project.files().size());
        assertThat(report.path("durationMs").asLong()).isGreaterThanOrEqualTo(0);
        for (JsonNode f : report.path("files")) {
            assertThat(f.path("valid").asBoolean()).as(f.toString()).isTrue();
            assertThat(f.path("source").asText()).isEqualTo("template");
            assertThat(project.files()).containsKey(f.path("path").asText());
        }

        // no key, default config: every enrichment item is answered by the offline provider, nothing is called
        JsonNode llm = report.path("llm");
        assertThat(llm.path("provider").asText()).isEqualTo("offline");
        assertThat(llm.path("items").asInt()).isEqualTo(16).isEqualTo(llm.path("offlineItems").asInt());
        assertThat(llm.path("requests").asInt()).isZero();
        assertThat(llm.path("costUsd").asDouble()).isZero();
        assertThat(llm.path("templateFiles").asInt()).isEqualTo(project.files().size());
        assertThat(project.files().get("src/test/resources/samples/order.json")).contains("\"quantity\" : 1");
        assertThat(project.files().get("README.md")).contains("The customer status values: ACTIVE, SUSPENDED, in-review.");

        assertThat(inbox.resolve("orders.yaml")).doesNotExist();
        assertThat(inbox.resolve(".done/orders.yaml")).exists();
        try (var leftovers = Files.list(outbox.resolve(".work"))) {
            assertThat(leftovers).as("work folder is cleaned").isEmpty();
        }
    }

    @Test
    void should_print_template_syntax_from_spec_text_literally_and_keep_comments_closed() throws Exception {
        dropAndAwait(SPEC, "orders.yaml");

        GeneratedZip project = GeneratedZip.read(outbox.resolve("orders.zip"));
        String customer = project.files().get("src/main/java/com/acme/orders/model/Customer.java");
        assertThat(customer).contains("${user.home}").contains("<#assign x = 1>").contains("*&#47; ends no comment");
        assertThat(project.files().get("README.md")).contains("Orders for ${customer.name} <#if x>");
        assertThat(project.files().get("pom.xml")).contains("Orders for ${customer.name} &lt;#if x&gt;");
    }
}
