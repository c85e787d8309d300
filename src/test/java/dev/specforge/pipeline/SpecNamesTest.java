package dev.specforge.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Output names from caller-supplied spec names (README "What happens to a spec": petstore.yaml -> petstore.zip). */
class SpecNamesTest {

    @Test
    void should_keep_only_the_last_path_segment_and_replace_unsafe_characters() {
        assertThat(SpecNames.safeFileName("../../etc/pass wd.yaml")).isEqualTo("pass_wd.yaml");
        assertThat(SpecNames.safeFileName("C:\\specs\\orders.yaml")).isEqualTo("orders.yaml");
        assertThat(SpecNames.safeFileName("...hidden.yaml")).isEqualTo("hidden.yaml");
    }

    @Test
    void should_name_a_missing_or_empty_name_spec_and_cut_long_names_to_200_characters() {
        assertThat(SpecNames.safeFileName(null)).isEqualTo("spec");
        assertThat(SpecNames.safeFileName("dir/")).isEqualTo("spec");
        assertThat(SpecNames.safeFileName("a".repeat(250) + ".yaml")).hasSize(200);
    }

    @Test
    void should_drop_only_the_last_extension_for_the_base_name() {
        assertThat(SpecNames.baseName("petstore.yaml")).isEqualTo("petstore");
        assertThat(SpecNames.baseName("api.v2.json")).isEqualTo("api.v2");
        assertThat(SpecNames.baseName("README")).isEqualTo("README");
    }
}
