package dev.specforge.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EscapesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = {"plain", "say \"hi\"", "back\\slash \\u0041", "line\nbreak\r\ttab", "/pet/{id}",
            "# not a comment", "key: value", "- item", "déjà vu ✓ 😀", "\u0000\u001f\u007f\u0085\u2028\ufeff", "${x} <#if>"})
    void should_quote_any_text_so_yaml_reads_it_back_unchanged(String text) throws Exception {
        String doc = "value: " + Escapes.yamlString(text) + "\n";
        assertThat(YAML.readTree(doc).get("value").asText()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202Eevil\u202C", "a\u2066b\u2069", "zero\u200Bwidth\u200D", "\u00ADsoft"})
    void should_write_format_characters_in_yaml_as_escapes_that_read_back_unchanged(String text) throws Exception {
        String quoted = Escapes.yamlString(text);

        assertThat(quoted.codePoints().filter(dev.specforge.io.InvisibleCharacters::hidden)).isEmpty();
        assertThat(YAML.readTree("value: " + quoted + "\n").get("value").asText()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"hi\"", "back\\slash", "déjà\n", "\\u0022"})
    void should_make_ascii_java_literals(String text) {
        String literal = Escapes.javaString(text);
        assertThat(literal).startsWith("\"").endsWith("\"");
        assertThat(literal.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
        assertThat(literal).as("no unicode escape for javac to expand").doesNotContainPattern("(?<!\\\\)\\\\u0022");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "say \"hi\"", "back\\slash", "line\nbreak\r\ttab", "déjà vu ✓ 😀",
            "\u0000\u001f\u007f\u2028\u2029", "${x} `tick` </script>"})
    void should_make_ascii_javascript_literals_that_read_back_unchanged(String text) throws Exception {
        String literal = Escapes.jsString(text);
        assertThat(literal.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
        // a JavaScript double-quoted literal with only these escapes is also a JSON string
        assertThat(new ObjectMapper().readValue(literal, String.class)).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void should_make_go_literals_with_code_point_escapes() {
        assertThat(Escapes.goString("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(Escapes.goString("é")).isEqualTo("\"\\u00e9\"");
        assertThat(Escapes.goString("😀")).as("one 8-digit escape, not a surrogate pair").isEqualTo("\"\\U0001f600\"");
        assertThat(Escapes.goString("x\ud800y")).as("Go rejects surrogate escapes").isEqualTo("\"x\\ufffdy\"");
        assertThat(Escapes.goString("`${x}`")).isEqualTo("\"`${x}`\"");
    }
}
