package dev.specforge.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InvisibleCharactersTest {

    private static InvisibleCharacters.Result strip(String text) {
        return InvisibleCharacters.strip(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
            0x061C, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x001B, 0x0007, 0x0000, 0x007F, 0x0085, 0x009B,
            0x2028, 0x2029})
    void should_remove_format_and_control_characters_and_line_separators(int cp) {
        InvisibleCharacters.Result r = strip("// a" + Character.toString(cp) + "b\n");

        assertThat(r.removed()).isEqualTo(1);
        String out = new String(r.content(), StandardCharsets.UTF_8);
        assertThat(out.codePoints().filter(InvisibleCharacters::hidden)).isEmpty();
        assertThat(out).startsWith("// a").endsWith("b\n");
    }

    @Test
    void should_keep_tabs_line_ends_and_visible_text_of_any_script_untouched() {
        byte[] text = "\tcafé Кириллица 漢字 😀\r\n".getBytes(StandardCharsets.UTF_8);

        InvisibleCharacters.Result r = InvisibleCharacters.strip(text);

        assertThat(r.removed()).isZero();
        assertThat(r.content()).isSameAs(text);
    }

    @Test
    void should_drop_the_blanks_a_removal_leaves_at_a_line_end_so_formatters_accept_the_line() {
        assertThat(new String(strip("// Lists \u200B\u200D\n\tcode \n").content(), StandardCharsets.UTF_8))
                .isEqualTo("// Lists\n\tcode \n");
    }

    @Test
    void should_leave_bytes_that_are_not_utf8_alone() {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x1b, 0x00};

        assertThat(InvisibleCharacters.strip(binary).content()).isSameAs(binary);
    }

    @Test
    void should_make_json_keep_hidden_characters_as_visible_escapes() throws Exception {
        ObjectMapper json = HiddenJsonEscapes.install(new ObjectMapper());

        String written = json.writeValueAsString(Map.of("v", "a\u202Eb\u200Dc\u0085d\u007Fé"));

        assertThat(written).isEqualTo("{\"v\":\"a\\u202eb\\u200dc\\u0085d\\u007fé\"}");
        assertThat(json.readTree(written).path("v").asText()).isEqualTo("a\u202Eb\u200Dc\u0085d\u007Fé");
    }
}
