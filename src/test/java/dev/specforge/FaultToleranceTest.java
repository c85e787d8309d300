package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.SpecforgeTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults outside the spec: a folder that cannot be written, and what a crash leaves behind. */
class FaultToleranceTest {

    private static final Path ORDERS = Path.of("src/test/resources/specs/orders.yaml");

    @Nested
    class UnwritableOutbox extends SpecforgeTestSupport {

        private Path failed;

        @Override
        protected Properties extraProperties() {
            Properties p = new Properties();
            // the dead letter and the work folder outside the outbox, which the test breaks
            failed = work.resolve("failed");
            p.put("specforge.deadletter.dir", failed.toString());
            p.put("specforge.work.dir", work.resolve(".work").toString());
            p.put("specforge.retry.delay-ms", "50");
            return p;
        }

        @Test
        void should_retry_with_backoff_then_dead_letter_the_spec_and_go_on_once_the_outbox_is_back() throws Exception {
            byte[] spec = Files.readAllBytes(ORDERS);
            // a regular file where the outbox folder should be: nothing can be written under it, even by root
            deleteTree(outbox);
            Files.writeString(outbox, "not a folder");

            dropAndAwait(spec, "first.yaml");
            assertThat(failed.resolve("first.yaml")).hasBinaryContent(spec);
            JsonNode error = readJson(failed.resolve("first.yaml.error.json"));
            assertThat(error.path("attempts").asInt()).as("the first try and 3 redeliveries").isEqualTo(4);
            assertThat(error.path("stage").asText()).isEqualTo("deliver");
            assertThat(error.path("message").asText()).contains(outbox.getFileName().toString());
            assertThat(inbox.resolve("first.yaml")).doesNotExist();
            // the write failed in the sub-route direct:deliver: its Dead Letter Channel handled it, direct:generate's
            // passed it on without dead-lettering it a second time
            MeterRegistry meters = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
            assertThat(meters.counter("specforge.specs", "outcome", "failed").count()).isEqualTo(1.0);

            Files.delete(outbox);
            Files.createDirectories(outbox);
            dropAndAwait(spec, "second.yaml");
            assertThat(outbox.resolve("second.zip")).exists();
            assertThat(inbox.resolve(".done/second.yaml")).hasBinaryContent(spec);
        }
    }

    @Nested
    class LeftoversOfACrash extends SpecforgeTestSupport {

        @Override
        public void configureContext(CamelContextConfiguration configuration) {
            super.configureContext(configuration);
            // what a kill -9 can leave, written before specforge starts
            try {
                write(outbox.resolve(".orders.zip.part"));
                write(outbox.resolve(".work/3f1c.zip"));
                write(deadLetter.resolve(".x.yaml.error.json.part"));
                write(cacheFolder().resolve("files/ab/.abcd.1234.part"));
                write(cacheFolder().resolve("llm/cd/.cdef.5678.part"));
                write(outbox.resolve("kept.zip"));
                write(outbox.resolve("notes.part"));
                write(cacheFolder().resolve("files/ab/abcd"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(Path file) throws IOException {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "left over");
        }

        @Test
        void should_remove_the_temporary_files_a_crash_left_and_nothing_else() {
            CamelContext started = context;
            assertThat(started.isStarted()).isTrue();
            assertThat(outbox.resolve(".orders.zip.part")).doesNotExist();
            assertThat(outbox.resolve(".work/3f1c.zip")).doesNotExist();
            assertThat(deadLetter.resolve(".x.yaml.error.json.part")).doesNotExist();
            assertThat(cacheFolder().resolve("files/ab/.abcd.1234.part")).doesNotExist();
            assertThat(cacheFolder().resolve("llm/cd/.cdef.5678.part")).doesNotExist();
            assertThat(outbox.resolve("kept.zip")).exists();
            assertThat(outbox.resolve("notes.part")).exists();
            assertThat(cacheFolder().resolve("files/ab/abcd")).exists();
        }
    }
}
