package dev.specforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.specforge.io.HiddenJsonEscapes;
import dev.specforge.spec.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * Text helpers of the template model, the same for every language: description lines safe in block comments,
 * Markdown table cells, sample JSON, plurals, PascalCase member names and the identifier rule.
 */
final class ModelTexts {

    private ModelTexts() {
    }

    /**
     * @param text a description, may be {@code null}
     * @return its lines, trimmed at the end, safe inside a Java/C block comment: {@code *}{@code /} cannot close
     *         the comment and backslashes are doubled (so {@code \}{@code u002a} is not a unicode escape)
     */
    static List<String> docLines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String safe = text.replace("\\", "\\\\").replace("*/", "*&#47;").replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        for (String line : safe.strip().split("\n")) {
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    /** Samples kept per entity (the prompt asks for two; strict schemas cannot cap an array for Anthropic). */
    static final int MAX_SAMPLES = 3;

    private static final ObjectMapper PRETTY = HiddenJsonEscapes.install(new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT));

    /**
     * @param answer a sample-data answer, may be {@code null}
     * @return the answer's first {@value #MAX_SAMPLES} samples (objects, checked against the entity's answer schema)
     *         as one pretty JSON array
     */
    static String samplesJson(JsonNode answer) {
        var array = PRETTY.createArrayNode();
        if (answer != null) {
            for (JsonNode s : answer.path("samples")) {
                if (s.isObject() && array.size() < MAX_SAMPLES) {
                    array.add(s);
                }
            }
        }
        try {
            return PRETTY.writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param text a description, may be {@code null}
     * @return one line safe inside a Markdown table cell: whitespace collapsed, {@code |} escaped, HTML brackets
     *         and backticks neutralised, at most 300 characters
     */
    static String markdownCell(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = text.strip().replaceAll("\\s+", " ").replace("\\", "\\\\").replace("|", "\\|")
                .replace("<", "&lt;").replace(">", "&gt;").replace("`", "'");
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }

    /**
     * @param member a field's neutral member name (lowerCamelCase, see {@link dev.specforge.spec.Names#memberName})
     * @return the same in UpperCamelCase, e.g. {@code createdAt} to {@code CreatedAt}; a name that starts with
     *         {@code _} gets an {@code X} in front ({@code _2fa} to {@code X_2fa}), so it starts with a capital letter
     *         (an exported Go identifier); {@code class} gives {@code Class}, which no language reserves
     */
    static String pascal(String member) {
        return member.startsWith("_") ? "X" + member : Character.toUpperCase(member.charAt(0)) + member.substring(1);
    }

    /**
     * @param f a field
     * @return whether it is its entity's identifier: the single field named {@code id} (docs/conformance.md, C4)
     */
    static boolean isId(Field f) {
        return f.name().equals("id") && !f.type().many();
    }

    /**
     * @param s a kebab-case name
     * @return its English plural, e.g. {@code order-line} to {@code order-lines}, {@code category} to
     *         {@code categories}: the collection path segment of every stack
     */
    static String plural(String s) {
        if (s.endsWith("s") || s.endsWith("x") || s.endsWith("z") || s.endsWith("ch") || s.endsWith("sh")) {
            return s + "es";
        }
        if (s.endsWith("y") && s.length() > 1 && "aeiou".indexOf(s.charAt(s.length() - 2)) < 0) {
            return s.substring(0, s.length() - 1) + "ies";
        }
        return s + "s";
    }

    /**
     * @param s a text, may be {@code null}
     * @return the text, or empty for {@code null}
     */
    static String nz(String s) {
        return s == null ? "" : s;
    }
}
