package dev.specforge;

import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReproducibleZipTest extends SpecforgeTestSupport {

    @Test
    void should_give_byte_identical_zips_for_the_same_spec_dropped_under_two_names() throws Exception {
        byte[] spec = Files.readAllBytes(Path.of("src/test/resources/specs/tricky.openapi.yaml"));

        dropAndAwait(spec, "first.yaml");
        dropAndAwait(spec, "second.yaml");

        byte[] first = Files.readAllBytes(outbox.resolve("first.zip"));
        byte[] second = Files.readAllBytes(outbox.resolve("second.zip"));
        assertThat(first.length).isGreaterThan(1000);
        assertThat(second).isEqualTo(first);
    }
}
