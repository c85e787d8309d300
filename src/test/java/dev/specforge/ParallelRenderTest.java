package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Splitter really renders in parallel: with a deliberately slow template, the report's peak number of files
 * rendering at once (measured inside the render step) exceeds one with four threads, and is exactly one with one.
 */
class ParallelRenderTest {

    private static final Path SPEC = Path.of("src/test/resources/specs/eight-entities.yaml");

    static Properties slowStack(int threads) {
        Properties p = new Properties();
        p.put("specforge.templates.dir", "src/test/resources/test-stacks");
        p.put("specforge.stack.default", "slow");
        p.put("specforge.render.threads", String.valueOf(threads));
        return p;
    }

    @Nested
    class WithFourThreads extends SpecforgeTestSupport {
        @Override
        protected Properties extraProperties() {
            return slowStack(4);
        }

        @Test
        void should_render_files_of_one_spec_at_the_same_time() throws Exception {
            dropAndAwait(SPEC, "slow.yaml");

            JsonNode report = readJson(outbox.resolve("slow.report.json"));
            assertThat(report.path("renderThreads").asInt()).isEqualTo(4);
            assertThat(report.path("peakConcurrency").asInt()).isBetween(2, 4);
            assertThat(GeneratedZip.read(outbox.resolve("slow.zip")).files()).hasSize(8)
                    .containsEntry("slow/H.txt", "H: 45000150000\n");
        }
    }

    @Nested
    class WithOneThread extends SpecforgeTestSupport {
        @Override
        protected Properties extraProperties() {
            return slowStack(1);
        }

        @Test
        void should_render_one_file_at_a_time() throws Exception {
            dropAndAwait(SPEC, "slow.yaml");

            JsonNode report = readJson(outbox.resolve("slow.report.json"));
            assertThat(report.path("renderThreads").asInt()).isEqualTo(1);
            assertThat(report.path("peakConcurrency").asInt()).isEqualTo(1);
        }
    }
}
