package dev.specforge.io;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DisplayText}: controls, format characters and line breaks escaped; letters of any script kept. */
class DisplayTextTest {

    @Test
    void should_escape_c0_c1_bidi_zero_width_and_line_separators() {
        assertThat(DisplayText.escape("a\u001b]0;t\u0007b\u001b[31m\r\n\tc\u007f\u0085\u009b"))
                .isEqualTo("a\\u001B]0;t\\u0007b\\u001B[31m\\r\\n\\tc\\u007F\\u0085\\u009B");
        assertThat(DisplayText.escape("x\u202Ey\u2066z\u2069\u200B\u200D\uFEFF\u2028\u2029"))
                .isEqualTo("x\\u202Ey\\u2066z\\u2069\\u200B\\u200D\\uFEFF\\u2028\\u2029");
        assertThat(DisplayText.escape("lone \uD800 surrogate")).isEqualTo("lone \\uD800 surrogate");
    }

    @Test
    void should_keep_letters_of_any_script_quotes_backslashes_and_emoji() {
        String text = "Café Кириллица Ελληνικά 名前 \"q\" C:\\tmp \uD83D\uDE00";
        assertThat(DisplayText.escape(text)).isSameAs(text);
    }

    @Test
    void should_be_idempotent_and_print_null_as_null() {
        String once = DisplayText.escape("a\u001b\nb\u202E");
        assertThat(DisplayText.escape(once)).isEqualTo(once);
        assertThat(DisplayText.escape(null)).isEqualTo("null");
    }
}
