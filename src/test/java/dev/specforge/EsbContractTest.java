package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.pipeline.EsbHeaders;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.SpecforgeTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ESB contract: {@code direct:generate} called from another route, the inbox swapped for a {@code seda:} endpoint
 * by property alone, and the example flow under {@code routes/examples/}.
 */
class EsbContractTest {

    static final Path ORDERS = Path.of("src/test/resources/specs/orders.yaml");
    static final Path BAD = Path.of("src/test/resources/specs/bad-schema.yaml");

    @Nested
    class CalledFromARoute extends SpecforgeTestSupport {

        @BeforeEach
        void callerRoute() throws Exception {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:test-caller").routeId("test-caller").to("direct:generate");
                }
            });
        }

        @Test
        void should_answer_a_string_spec_with_the_zip_file_and_the_summary_headers() throws Exception {
            Exchange out = template.send("direct:test-caller", ex -> {
                ex.getMessage().setBody(Files.readString(ORDERS));
                ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, "from-esb.yaml");
            });

            assertThat(out.getException()).isNull();
            File zip = out.getMessage().getBody(File.class);
            assertThat(zip).isFile().hasName("from-esb.zip");
            assertThat(zip.toPath().toAbsolutePath().normalize()).startsWith(outbox.toAbsolutePath().normalize());
            assertThat(out.getMessage().getHeader(EsbHeaders.HEADER_STATUS)).isEqualTo("ok");
            assertThat(out.getMessage().getHeader(EsbHeaders.HEADER_PROJECT)).isEqualTo("orders-service");
            int files = GeneratedZip.read(zip.toPath()).files().size();
            assertThat(out.getMessage().getHeader(EsbHeaders.HEADER_FILES, Integer.class)).isEqualTo(files);
            assertThat(out.getMessage().getHeader(EsbHeaders.HEADER_VALID, Integer.class)).isEqualTo(files);
            assertThat(out.getMessage().getHeader(EsbHeaders.HEADER_LLM_REQUESTS, Long.class)).isZero();
            Path report = Path.of(out.getMessage().getHeader(EsbHeaders.HEADER_REPORT, String.class));
            assertThat(readJson(report).path("project").asText()).isEqualTo("orders-service");
        }

        @Test
        void should_answer_the_plan_for_an_input_stream_with_the_dry_run_header_and_write_nothing() throws Exception {
            Exchange out = template.send("direct:test-caller", ex -> {
                ex.getMessage().setBody(new ByteArrayInputStream(Files.readAllBytes(ORDERS)));
                ex.getMessage().setHeader(EsbHeaders.HEADER_DRY_RUN, "true");
            });

            assertThat(out.getException()).isNull();
            JsonNode plan = JSON.readTree(out.getMessage().getBody(String.class));
            assertThat(plan.path("project").asText()).isEqualTo("orders-service");
            assertThat(plan.path("fileCount").asInt()).isEqualTo(43);
            assertThat(outbox.resolve("spec.zip")).doesNotExist();
        }

        @Test
        void should_override_the_stack_by_header_and_fail_to_the_caller_when_it_is_unknown() throws Exception {
            Exchange out = template.send("direct:test-caller", ex -> {
                ex.getMessage().setBody(Files.readAllBytes(ORDERS));
                ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, "orders.yaml");
                ex.getMessage().setHeader(EsbHeaders.HEADER_STACK, "no-such-stack");
            });

            assertThat(out.getException()).hasMessageContaining("unknown stack 'no-such-stack'");
            // nothing lost: the spec the caller sent and its error report are in the dead letter
            assertThat(deadLetter.resolve("orders.yaml")).hasSameBinaryContentAs(ORDERS);
            assertThat(readJson(deadLetter.resolve("orders.yaml.error.json")).path("message").asText())
                    .contains("no-such-stack");
        }
    }

    @Nested
    class SedaInbox extends SpecforgeTestSupport {

        @Override
        protected Properties extraProperties() {
            Properties p = new Properties();
            p.put("specforge.inbox.uri", "seda:specforge-inbox");
            return p;
        }

        /** Sends a spec to the swapped inbox and waits until the inbox route has finished with it. */
        private void sendAndAwait(Object spec, String name) {
            // the render Splitter's parts carry the inbox route id too: wait for the spec's own exchange
            NotifyBuilder done = new NotifyBuilder(context).fromRoute("inbox").wereSentTo("direct:generate")
                    .whenDone(1).create();
            template.sendBodyAndHeader("seda:specforge-inbox", spec, EsbHeaders.HEADER_SPEC_NAME, name);
            assertThat(done.matches(60, TimeUnit.SECONDS)).as("inbox finished with " + name).isTrue();
        }

        @Test
        void should_generate_a_spec_sent_to_the_swapped_inbox_endpoint() throws Exception {
            sendAndAwait(Files.readAllBytes(ORDERS), "orders.yaml");

            assertThat(outbox.resolve("orders.zip")).isRegularFile();
            assertThat(inbox).doesNotExist();
        }

        @Test
        void should_keep_a_failed_spec_from_a_non_file_inbox_in_the_dead_letter() throws Exception {
            sendAndAwait(Files.readString(BAD), "bad.yaml");

            assertThat(new String(Files.readAllBytes(deadLetter.resolve("bad.yaml")), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(BAD));
            assertThat(deadLetter.resolve("bad.yaml.error.json")).isRegularFile();
        }
    }

    @Nested
    class ExampleRoute extends SpecforgeTestSupport {

        @Override
        protected Properties extraProperties() {
            Properties p = new Properties();
            p.put("camel.main.routes-include-pattern", "file:routes/*.camel.yaml,file:routes/examples/*.camel.yaml");
            return p;
        }

        @Test
        void should_route_the_zip_of_a_spec_onwards() throws Exception {
            template.sendBody("seda:specforge-specs", Files.readAllBytes(ORDERS));

            Exchange zip = consumer.receive("seda:specforge-zips", 60_000);

            assertThat(zip).isNotNull();
            assertThat(zip.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("orders-service.zip");
            Path copy = work.resolve("received.zip");
            Files.write(copy, zip.getMessage().getBody(byte[].class));
            assertThat(GeneratedZip.read(copy).root()).isEqualTo("orders-service");
        }
    }
}
