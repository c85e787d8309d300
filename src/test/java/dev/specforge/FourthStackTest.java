package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.Http;
import dev.specforge.support.SpecforgeTestSupport;
import dev.specforge.support.Toolchain;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/stacks.md promises that a stack is a folder and nothing more. This test installs a fourth stack written by
 * following it (src/test/resources/stacks/python-models) next to a copy of the shipped stacks, and generates with it
 * through the real Main and HTTP API: no Java is involved.
 */
class FourthStackTest extends SpecforgeTestSupport {

    @Override
    protected Properties extraProperties() {
        Path templates = work.resolve("templates");
        copyTree(Path.of("templates"), templates);
        copyTree(Path.of("src/test/resources/stacks/python-models"), templates.resolve("python-models"));
        Properties p = new Properties();
        p.put("specforge.templates.dir", templates.toString());
        return p;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void should_list_and_generate_with_a_stack_added_as_a_folder() throws Exception {
        List<String> names = new ArrayList<>();
        Http.json(http().get("/api/stacks")).forEach(s -> names.add(s.path("name").asText()));
        assertThat(names).containsExactly("camel-service", "express-api", "go-service", "python-models");

        HttpResponse<byte[]> response = http().post("/api/generate?stack=python-models", "application/yaml",
                Files.readAllBytes(Path.of("src/test/resources/specs/orders.yaml")));

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        Path zip = work.resolve("python.zip");
        Files.write(zip, response.body());
        GeneratedZip project = GeneratedZip.read(zip);
        assertThat(project.files().keySet()).containsExactly("README.md", "catalog.json", "models/__init__.py",
                "models/customer.py", "models/customerstatus.py", "models/order.py", "pyproject.toml");
        JsonNode catalog = JSON.readTree(project.files().get("catalog.json"));
        assertThat(catalog.path("types")).hasSize(3);
        assertThat(project.files().get("models/customer.py")).contains("class Customer:", "email: str",
                "orders: Optional[list[\"Order\"]] = None");
        assertThat(project.files().get("models/customerstatus.py")).contains("IN_REVIEW = \"in-review\"");
        // the entity-docs answer (offline provider) reached a type the spec leaves undescribed
        assertThat(project.files().get("README.md"))
                .contains("| `models.customerstatus.CustomerStatus` | The customer status values: ACTIVE");
        String job = response.headers().firstValue("X-Specforge-Job").orElseThrow();
        JsonNode report = readJson(outbox.resolve("api-" + job + ".report.json"));
        assertThat(report.path("stack").asText()).isEqualTo("python-models");
        assertThat(report.path("counts").path("valid").asInt()).isEqualTo(7);

        if (Toolchain.find("python3").isPresent()) {
            Path dir = Toolchain.extract(project, work.resolve("python-project"));
            Toolchain.Result compiled = Toolchain.run(dir, Map.of("PYTHONDONTWRITEBYTECODE", "1"),
                    List.of("python3", "-c", "import models.customer, models.order, models.customerstatus"));
            assertThat(compiled.exitCode()).as(compiled.output()).isZero();
        }
    }
}
