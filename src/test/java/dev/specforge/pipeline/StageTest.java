package dev.specforge.pipeline;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stage values on the wire (HTTP job {@code phase}, {@code error.json} {@code stage}) are a contract. */
class StageTest {

    @Test
    void should_spell_every_stage_on_the_wire_as_the_job_status_and_error_reports_always_did() {
        assertThat(Arrays.stream(Stage.values()).map(Stage::wire))
                .containsExactly("receive", "parse", "enrich", "render", "validate", "deliver");
    }

    @Test
    void should_start_a_run_at_parse_and_keep_the_stage_it_is_moved_to() {
        SpecRun run = new SpecRun("orders.yaml");
        assertThat(run.stage()).isEqualTo(Stage.PARSE);

        run.stage(Stage.RENDER);

        assertThat(run.stage()).isEqualTo(Stage.RENDER);
        assertThat(run.specName()).isEqualTo("orders.yaml");
    }

    @Test
    void should_refuse_the_plan_of_a_run_that_is_not_planned_yet() {
        SpecRun run = new SpecRun("orders.yaml");

        assertThatThrownBy(run::tasks)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("orders.yaml: not planned yet");
    }
}
