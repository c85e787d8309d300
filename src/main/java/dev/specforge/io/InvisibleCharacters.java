package dev.specforge.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The last step of every rendered file: characters a reader cannot see, or that make an editor show text other than
 * what a compiler reads, are removed. This is the defence against "Trojan Source" (CVE-2021-42574; Boucher and
 * Anderson, 2021): spec or LLM text carrying bidirectional controls into a comment or a README.
 *
 * <p>Removed, by Unicode general category (Unicode Standard, chapter 4.5):
 * <ul>
 *   <li>Cf, format: the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the marks
 *       U+200E, U+200F and U+061C, the zero-width space, joiners and word joiner (U+200B-U+200D, U+2060), U+FEFF, the
 *       soft hyphen and every other format character;</li>
 *   <li>Cc, control: C0 and C1 controls and DEL, except tab, line feed and carriage return (ESC sequences can
 *       rewrite a terminal that prints the file);</li>
 *   <li>Zl and Zp, U+2028 and U+2029, which end a JavaScript line comment (ECMA-262 section 12.3) while an editor
 *       may show one line: each becomes a space.</li>
 * </ul>
 * A line that lost characters also loses its trailing blanks (gofmt and linters refuse them).
 * String literals never reach this step with such characters: the templates' escaping functions ({@code render.Escapes})
 * and the JSON writers ({@link HiddenJsonEscapes})
 * write them as {@code \u202e}-style escapes, so the text a reviewer sees is the text the compiler reads. What
 * remains is text in comments, Markdown and other prose, where removing is the right thing; the report warns for
 * each file where this happened ({@code Generator}).
 */
public final class InvisibleCharacters {

    private InvisibleCharacters() {
    }

    /**
     * A rendered file after the step.
     *
     * @param content the bytes, UTF-8 (the same array when nothing was removed)
     * @param removed how many characters (code points) were removed or replaced
     */
    public record Result(byte[] content, int removed) {
    }

    /**
     * @param cp a Unicode code point
     * @return whether it is removed from generated text: Cf, Cc other than tab, LF and CR, Zl or Zp
     */
    public static boolean hidden(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * @param utf8 a rendered file; text that is not valid UTF-8 is returned unchanged (a binary output)
     * @return the file without hidden characters, and how many there were
     */
    public static Result strip(byte[] utf8) {
        if (plainAscii(utf8)) {
            return new Result(utf8, 0);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException notText) {
            return new Result(utf8, 0);
        }
        if (text.codePoints().noneMatch(InvisibleCharacters::hidden)) {
            return new Result(utf8, 0); // text in other scripts, nothing hidden: no copy
        }
        StringBuilder out = new StringBuilder(text.length());
        int removed = 0;
        boolean lineTouched = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!hidden(cp)) {
                if ((cp == '\n' || cp == '\r') && lineTouched) {
                    trimTrailingBlanks(out);
                    lineTouched = false;
                }
                out.appendCodePoint(cp);
                continue;
            }
            removed++;
            lineTouched = true;
            int type = Character.getType(cp);
            if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(' ');
            }
        }
        if (lineTouched) {
            trimTrailingBlanks(out);
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(out));
        byte[] content = new byte[bytes.remaining()];
        bytes.get(content);
        return new Result(content, removed);
    }

    /**
     * A line that lost characters may end in blanks that were before them; formatters (gofmt) and linters refuse
     * trailing blanks, so they go too.
     */
    private static void trimTrailingBlanks(StringBuilder out) {
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
            end--;
        }
        out.setLength(end);
    }

    /** @return whether every byte is printable ASCII, tab, LF or CR (most files: nothing to decode) */
    private static boolean plainAscii(byte[] utf8) {
        for (byte b : utf8) {
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f || b < 0) {
                return false;
            }
        }
        return true;
    }
}
