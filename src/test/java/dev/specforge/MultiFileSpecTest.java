package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.JavaCompilation;
import dev.specforge.support.SpecforgeTestSupport;
import dev.specforge.support.Zips;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multi-file specs dropped as a zip: relative references resolve inside the zip only, the root is found or named,
 * and zip-slip names and zip bombs are refused with a report while the original zip is kept.
 */
class MultiFileSpecTest extends SpecforgeTestSupport {

    private static final String ORDER = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Order", "type": "object",
             "properties": {
               "shipTo": {"$ref": "./common/address.json"},
               "total": {"$ref": "common/money%20types.json#/$defs/Money"},
               "secret": {"$ref": "../outside.json"},
               "remote": {"$ref": "https://example.com/never-fetched.json"}}}
            """;
    private static final String ADDRESS = """
            {"type": "object", "properties": {"street": {"type": "string"}, "country": {"$ref": "../common/country.json"}}}
            """;
    private static final String COUNTRY = """
            {"type": "string", "enum": ["NL", "DE"]}
            """;
    private static final String MONEY = """
            {"$defs": {"Money": {"type": "object", "required": ["amount"],
              "properties": {"amount": {"type": "number"}, "currency": {"type": "string", "maxLength": 3}}}}}
            """;

    private static Map<String, byte[]> orderBundle(String folder) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(folder + "order.schema.json", ORDER.getBytes(StandardCharsets.UTF_8));
        m.put(folder + "common/address.json", ADDRESS.getBytes(StandardCharsets.UTF_8));
        m.put(folder + "common/country.json", COUNTRY.getBytes(StandardCharsets.UTF_8));
        m.put(folder + "common/money types.json", MONEY.getBytes(StandardCharsets.UTF_8));
        m.put(folder + "README.txt", "not a spec".getBytes(StandardCharsets.UTF_8));
        return m;
    }

    private JsonNode deadLettered(String name, byte[] zip) throws Exception {
        dropAndAwait(zip, name);
        Path error = deadLetter.resolve(name + ".error.json");
        assertThat(error).exists();
        assertThat(deadLetter.resolve(name)).hasBinaryContent(zip);
        assertThat(outbox.resolve(name)).doesNotExist();
        return readJson(error);
    }

    @Test
    void should_resolve_relative_refs_across_the_files_of_a_zip_and_never_outside_it() throws Exception {
        // zipped as a folder, the way most tools zip a directory
        byte[] zip = Zips.of(orderBundle("order-spec/"));
        dropAndAwait(zip, "order.zip");

        JsonNode report = readJson(outbox.resolve("order.report.json"));
        assertThat(report.path("status").asText()).isEqualTo("ok");
        GeneratedZip project = GeneratedZip.read(outbox.resolve("order.zip"));
        String model = "src/main/java/com/example/order/model/";
        assertThat(project.files()).containsKeys(model + "Order.java", model + "Address.java", model + "Money.java",
                model + "Country.java");
        assertThat(project.files().get(model + "Order.java"))
                .contains("Address shipTo").contains("Money total").contains("Object secret")
                .contains("Object remote");
        assertThat(project.files().get(model + "Money.java"))
                .containsPattern("@jakarta.validation.constraints.NotNull [^,]*java.math.BigDecimal amount")
                .contains("@jakarta.validation.constraints.Size(max = 3) String currency");
        assertThat(JavaCompilation.errors(project.javaSources(), work.resolve("classes"))).isEmpty();
        assertThat(report.path("warnings").toString())
                .contains("multi-file spec: root order.schema.json of 5 files")
                .contains("$ref ../outside.json in order.schema.json leaves the bundle")
                .contains("https://example.com/never-fetched.json is not in this document");
    }

    @Test
    void should_take_the_root_named_by_a_specforge_root_entry_when_there_are_several_specs() throws Exception {
        Map<String, byte[]> entries = orderBundle("");
        // JSON Schemas alone would be a schema set, one OpenAPI document the root; with two, the root must be named
        for (String other : new String[]{"a.openapi.yaml", "b.openapi.yaml"}) {
            entries.put(other, "openapi: 3.0.3\ninfo: {title: Other, version: 1.0.0}\npaths: {}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        JsonNode error = deadLettered("two-roots.zip", Zips.of(entries));
        assertThat(error.path("message").asText()).contains("3 top-level spec files")
                .contains("[a.openapi.yaml, b.openapi.yaml] are not JSON Schemas").contains("order.schema.json")
                .contains("specforge-root");

        entries.put("specforge-root", "order.schema.json\n".getBytes(StandardCharsets.UTF_8));
        dropAndAwait(Zips.of(entries), "named-root.zip");
        assertThat(outbox.resolve("named-root.zip")).exists();
        assertThat(GeneratedZip.read(outbox.resolve("named-root.zip")).files())
                .containsKey("src/main/java/com/example/order/model/Order.java");
    }

    @Test
    void should_refuse_a_zip_slip_entry_and_keep_the_zip() throws Exception {
        Map<String, byte[]> entries = orderBundle("");
        entries.put("../../evil.json", "{}".getBytes(StandardCharsets.UTF_8));
        JsonNode error = deadLettered("slip.zip", Zips.of(entries));
        assertThat(error.path("message").asText()).contains("'../../evil.json'").contains("zip-slip");
        assertThat(work.resolve("evil.json")).doesNotExist();
        assertThat(work.getParent().resolve("evil.json")).doesNotExist();
    }

    @Test
    void should_refuse_references_that_multiply_when_copied_in_place() throws Exception {
        // 30 files, each a parameter list that refers to the next file twice: 2^30 copies if expanded
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("api.yaml", ("openapi: 3.0.3\ninfo: {title: Bomb, version: 1.0.0}\npaths:\n  /a:\n"
                + "    get:\n      parameters: {$ref: 'p0.yaml'}\n      responses: {'200': {description: ok}}\n")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 30; i++) {
            entries.put("p" + i + ".yaml", ("- {$ref: 'p" + (i + 1) + ".yaml'}\n- {$ref: 'p" + (i + 1) + ".yaml'}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        entries.put("p30.yaml", "{name: x, in: query}\n".getBytes(StandardCharsets.UTF_8));
        JsonNode error = deadLettered("ref-bomb.zip", Zips.of(entries));
        assertThat(error.path("message").asText()).contains("reference bomb").contains("2000000");
        assertNextZipSucceeds();
    }

    private void assertNextZipSucceeds() throws Exception {
        dropAndAwait(Zips.of(orderBundle("")), "next.zip");
        assertThat(outbox.resolve("next.zip")).exists();
    }

    @Test
    void should_refuse_a_zip_bomb_at_the_inflated_size_limit() throws Exception {
        byte[] bomb = Zips.of(orderBundle(""), 80);
        assertThat(bomb.length).as("the bomb is small").isLessThan(1 << 20);
        JsonNode error = deadLettered("bomb.zip", bomb);
        assertThat(error.path("message").asText()).contains("inflates to more than 67108864 bytes")
                .contains("zip bomb");
        try (var files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("bomb"));
        }
    }
}
