package dev.specforge.support;

import java.util.List;

/**
 * Terminal escapes and forged log lines as an attacker puts them into a spec's file name and text (issue 23), and
 * the check that printed output carries none of them raw.
 */
public final class HostileDisplayText {

    /** A line an attacker wants to appear in a log or an output of its own: it must never start a line. */
    public static final String FORGED = "FORGED INFO  [main] dev.specforge - all specs ok";

    /**
     * Set the terminal's title (OSC 0 ... BEL), turn the text red (CSI 31 m, also as the C1 CSI U+009B), reverse the
     * text's direction (U+202E), then a CR LF and a forged line.
     */
    public static final String TEXT = "\u001b]0;pwned\u0007\u001b[31mred\u009b32mgreen\u202Eevil\r\n" + FORGED;

    /** A file name with {@link #TEXT} in it: legal on Linux (only '/' and NUL are not). */
    public static final String FILE_NAME = "evil" + TEXT.replace('/', '_') + ".yaml";

    private HostileDisplayText() {
    }

    /**
     * @return {@code orders.yaml} (the native test spec) with {@link #TEXT} as the Order entity's description, in a
     *         YAML double-quoted scalar (a YAML document may not hold C0 or C1 controls raw, only escaped)
     */
    public static String ordersWithHostileDescription() throws java.io.IOException {
        StringBuilder quoted = new StringBuilder("\"");
        TEXT.codePoints().forEach(c -> quoted.append(c < 0x20 || (c >= 0x7f && c <= 0x9f)
                ? String.format("\\u%04X", c) : Character.toString(c)));
        return java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/specs/orders.yaml"))
                .replace("description: An order placed by a customer", "description: " + quoted + "\"");
    }

    /** @return an OpenAPI document in JSON whose {@code openapi} version is {@link #TEXT}: the parser's error quotes it */
    public static byte[] openApiWithHostileVersion() throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(java.util.Map.of("openapi", TEXT,
                "info", java.util.Map.of("title", "x", "version", "1"), "paths", java.util.Map.of()));
    }

    /**
     * @param output what a log or the CLI printed
     * @return the problems: raw ESC, BEL, C1 controls, bidi controls, a carriage return, or a line that starts with
     *         {@link #FORGED}; empty when the output is clean
     */
    public static List<String> problems(String output) {
        List<String> problems = new java.util.ArrayList<>();
        output.codePoints().filter(c -> c == 0x1b || c == 0x07 || c == '\r' || (c >= 0x80 && c <= 0x9f)
                        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)).distinct()
                .forEach(c -> problems.add(String.format("raw U+%04X", c)));
        output.lines().filter(l -> l.startsWith("FORGED")).forEach(l -> problems.add("forged line: " + l));
        return problems;
    }
}
