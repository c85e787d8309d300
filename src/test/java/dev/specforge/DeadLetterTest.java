package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.pipeline.EsbHeaders;
import dev.specforge.support.SpecforgeProcess;
import dev.specforge.support.SpecforgeTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dead Letter Channel: what a failed spec's report says, and that the spec reaches the dead letter once, after its
 * report, whatever way it came.
 */
class DeadLetterTest extends SpecforgeTestSupport {

    private static final Path SPECS = Path.of("src/test/resources/specs");

    /** A spec that fails at parse: valid YAML, unsupported OpenAPI version. */
    private static final String UNSUPPORTED = "openapi: 2.5.0\ninfo: {title: x, version: '1'}\npaths: {}\n";

    @Test
    void should_move_a_spec_that_violates_the_schema_to_the_dead_letter_with_an_error_report_naming_the_field() throws Exception {
        byte[] spec = Files.readAllBytes(Path.of("src/test/resources/specs/bad-schema.yaml"));
        dropAndAwait(spec, "bad-schema.yaml");

        JsonNode error = readJson(deadLetter.resolve("bad-schema.yaml.error.json"));
        assertThat(error.path("spec").asText()).isEqualTo("bad-schema.yaml");
        assertThat(error.path("stage").asText()).isEqualTo("parse");
        assertThat(error.path("error").asText()).isEqualTo("SpecException");
        assertThat(error.path("location").asText()).isEqualTo("/entities/0/fields/0/type");
        assertThat(error.path("message").asText()).contains("/entities/0/fields/0/type").contains("enumeration");
        assertThat(error.path("time").asText()).isNotBlank();
        assertOnlyInDeadLetter("bad-schema.yaml", spec);
    }

    @Test
    void should_move_broken_yaml_to_the_dead_letter_with_the_line_of_the_problem() throws Exception {
        byte[] spec = Files.readAllBytes(Path.of("src/test/resources/specs/broken.yaml"));
        dropAndAwait(spec, "broken.yaml");

        JsonNode error = readJson(deadLetter.resolve("broken.yaml.error.json"));
        assertThat(error.path("message").asText()).contains("not well-formed YAML: ");
        assertThat(error.path("location").asText()).startsWith("line ");
        assertOnlyInDeadLetter("broken.yaml", spec);
    }

    @Test
    void should_name_an_unknown_ref_target_and_list_the_known_entities() throws Exception {
        byte[] spec = Files.readAllBytes(Path.of("src/test/resources/specs/unknown-ref.yaml"));
        dropAndAwait(spec, "unknown-ref.yaml");

        JsonNode error = readJson(deadLetter.resolve("unknown-ref.yaml.error.json"));
        assertThat(error.path("location").asText()).isEqualTo("/entities/0/fields/0/target");
        assertThat(error.path("message").asText()).contains("unknown entity 'Order'").contains("Customer");
        assertOnlyInDeadLetter("unknown-ref.yaml", spec);
    }

    @Override
    protected java.util.Properties extraProperties() {
        java.util.Properties p = new java.util.Properties();
        p.put("specforge.spec.max-bytes", "2048");
        return p;
    }

    @Test
    void should_refuse_a_spec_over_the_size_limit_without_reading_it() throws Exception {
        byte[] spec = ("specforge: 1\n# " + "x".repeat(3000) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        dropAndAwait(spec, "huge.yaml");

        JsonNode error = readJson(deadLetter.resolve("huge.yaml.error.json"));
        assertThat(error.path("message").asText())
                .isEqualTo("the spec is " + spec.length + " bytes, over the limit of 2048 bytes"
                        + " (specforge.spec.max-bytes); it was not read");
        assertOnlyInDeadLetter("huge.yaml", spec);
    }

    @Test
    void should_dead_letter_the_original_body_of_a_spec_sent_by_another_route() throws Exception {
        String spec = UNSUPPORTED;
        Exchange result = template.send("direct:generate", ex -> {
            ex.getMessage().setBody(spec);
            ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, "from-esb.yaml");
        });

        assertThat(result.isFailed()).isTrue();
        assertThat(deadLetter.resolve("from-esb.yaml")).hasContent(spec);
        JsonNode error = readJson(deadLetter.resolve("from-esb.yaml.error.json"));
        assertThat(error.path("location").asText()).isEqualTo("/openapi");
        assertThat(error.path("message").asText()).contains("'2.5.0' is not supported");
    }

    private void assertOnlyInDeadLetter(String name, byte[] original) {
        assertThat(inbox.resolve(name)).doesNotExist();
        assertThat(inbox.resolve(".done").resolve(name)).doesNotExist();
        assertThat(deadLetter.resolve(name)).exists().hasBinaryContent(original);
        assertThat(outbox.resolve(name.replace(".yaml", ".zip"))).doesNotExist();
    }

    @Test
    void should_write_the_error_report_before_the_spec_and_take_an_inbox_spec_once() throws Exception {
        byte[] broken = Files.readAllBytes(Path.of("src/test/resources/specs/broken.yaml"));
        try (DeadLetterWatch watch = new DeadLetterWatch(deadLetter)) {
            dropAndAwait(broken, "broken.yaml");
            assertThat(inbox.resolve("broken.yaml")).as("left the inbox").doesNotExist();
            // Had broken.yaml stayed in the inbox, the poll that lists bad-schema.yaml would list it too and
            // dead-letter it again before that poll ends; unknown-ref.yaml, dropped once bad-schema.yaml is through,
            // is listed only by a later poll. So a second pass of broken.yaml shows before unknown-ref.yaml's files.
            SpecforgeProcess.drop(inbox, "bad-schema.yaml", Files.readAllBytes(SPECS.resolve("bad-schema.yaml")));
            watch.awaitAppeared("bad-schema.yaml");
            SpecforgeProcess.drop(inbox, "unknown-ref.yaml", Files.readAllBytes(SPECS.resolve("unknown-ref.yaml")));
            watch.awaitAppeared("unknown-ref.yaml");

            assertThat(watch.appeared()).containsExactly(
                    "broken.yaml.error.json", "broken.yaml",
                    "bad-schema.yaml.error.json", "bad-schema.yaml",
                    "unknown-ref.yaml.error.json", "unknown-ref.yaml");
            assertThat(deadLetter.resolve("broken.yaml")).hasBinaryContent(broken);
            assertThat(readJson(deadLetter.resolve("broken.yaml.error.json")).path("spec").asText())
                    .isEqualTo("broken.yaml");
        }
    }

    /**
     * The bodies a spec comes with: String (another Camel route), byte[] (HTTP jobs), File (the CLI) and a stream.
     *
     * @param kind the body kind
     */
    @ParameterizedTest
    @ValueSource(strings = {"string", "bytes", "file", "stream"})
    void should_write_the_error_report_before_the_spec_for_every_body_a_caller_sends(String kind) throws Exception {
        byte[] spec = UNSUPPORTED.getBytes(StandardCharsets.UTF_8);
        Path file = work.resolve("caller.yaml");
        Files.write(file, spec);
        Object body = switch (kind) {
            case "string" -> UNSUPPORTED;
            case "bytes" -> spec;
            case "file" -> file.toFile();
            default -> new ByteArrayInputStream(spec);
        };
        String name = "from-" + kind + ".yaml";
        try (DeadLetterWatch watch = new DeadLetterWatch(deadLetter)) {
            Exchange result = template.send("direct:generate", ex -> {
                ex.getMessage().setBody(body);
                ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, name);
            });
            assertThat(result.isFailed()).isTrue();
            watch.awaitAppeared(name);

            assertThat(watch.appeared()).containsExactly(name + ".error.json", name);
            assertThat(deadLetter.resolve(name)).hasBinaryContent(spec);
            assertThat(readJson(deadLetter.resolve(name + ".error.json")).path("spec").asText()).isEqualTo(name);
        }
    }

    /**
     * Watches the dead-letter folder and records, in order, the names that appear in it (a rename onto the final name
     * included; the producers' hidden temporary files left out).
     */
    private static final class DeadLetterWatch implements AutoCloseable {

        private final WatchService service;
        private final List<String> appeared = new ArrayList<>();

        DeadLetterWatch(Path folder) throws IOException {
            Files.createDirectories(folder);
            service = FileSystems.getDefault().newWatchService();
            folder.register(service, StandardWatchEventKinds.ENTRY_CREATE);
        }

        /** Takes events until {@code name} appeared, at most 60 s in all. */
        void awaitAppeared(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!appeared.contains(name)) {
                WatchKey key = service.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(key).as(name + " appeared in the dead letter; so far " + appeared).isNotNull();
                for (WatchEvent<?> event : key.pollEvents()) {
                    assertThat(event.kind()).as("no event lost").isNotEqualTo(StandardWatchEventKinds.OVERFLOW);
                    String file = event.context().toString();
                    if (!file.startsWith(".")) {
                        appeared.add(file);
                    }
                }
                key.reset();
            }
        }

        List<String> appeared() {
            return appeared;
        }

        @Override
        public void close() throws IOException {
            service.close();
        }
    }
}
