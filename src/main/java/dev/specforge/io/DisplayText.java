package dev.specforge.io;

/**
 * Text from a spec, a file name or an error message made safe to print on one line of a terminal or a log (issue
 * 23): a terminal escape in a spec ({@code ESC ] 0 ; title BEL}, {@code ESC [ 31 m}) must not retitle or recolour
 * the reader's terminal, and a line break in a spec must not start a forged log line.
 *
 * <p>Escaped: every control character (Unicode general category Cc: C0 U+0000-U+001F including tab, line feed and
 * carriage return, DEL U+007F, C1 U+0080-U+009F), every format character (Cf: the bidirectional controls
 * U+202A-U+202E and U+2066-U+2069 of CVE-2021-42574, zero-width characters, U+FEFF and the like), the line and
 * paragraph separators U+2028 and U+2029, and unpaired surrogates. Tab, line feed and carriage return become
 * {@code \t}, {@code \n}, {@code \r}; the others become a backslash, {@code u} and four upper-case hexadecimal
 * digits per UTF-16 unit, as in a Java string literal. Everything else stays as it is, so names in any script stay
 * readable ({@code é}, {@code Кириллица}, {@code 名前}), and so does the backslash: the result is for reading, not
 * for parsing back, and escaping it would double every backslash of a Windows path. Escaping is idempotent, so a text escaped twice (at a
 * call site and again by the log's converter) reads the same.
 *
 * <p>Why not a library's escaper: Apache Commons Text's {@code StringEscapeUtils.escapeJava} also escapes every
 * non-ASCII letter (a Cyrillic name would print as hexadecimal escapes) and quotes, and it is not a dependency;
 * Jackson's {@code JsonStringEncoder} escapes only below U+0020 (C1 and bidirectional controls pass through) and
 * also escapes quotes and backslashes; Guava's escapers are only a transitive dependency here; logback has none.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /**
     * @param text any text, or {@code null}
     * @return the text with the characters listed in the class comment escaped; the same instance when nothing
     *         needed escaping; {@code "null"} for {@code null} (as string concatenation prints it)
     */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "null";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            int units = Character.charCount(cp);
            if (!isUnsafe(cp)) {
                out.append(text, i, i + units);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else {
                for (int u = i; u < i + units; u++) {
                    out.append(String.format("\\u%04X", (int) text.charAt(u)));
                }
            }
            i += units;
        }
        return out.toString();
    }

    /**
     * @param codePoint a Unicode code point (an unpaired surrogate counts as its own code point)
     * @return whether {@link #escape} escapes it: Cc, Cf, U+2028, U+2029 or a surrogate
     */
    public static boolean isUnsafe(int codePoint) {
        // what generated files may not hold, plus what would break a line: tab, line ends, lone surrogates
        return InvisibleCharacters.hidden(codePoint) || codePoint == '\t' || codePoint == '\n' || codePoint == '\r'
                || Character.getType(codePoint) == Character.SURROGATE;
    }

    /** @return the index of the first character to escape, or -1 (the fast path of every log line) */
    private static int firstUnsafe(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            if (isUnsafe(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }
}
