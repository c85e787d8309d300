package dev.specforge.render;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

import java.util.List;

/**
 * Escaping functions for templates, exposed in every data model as {@code yamlString(text)} and
 * {@code javaString(text)}. They return the text quoted and escaped, ready to paste into a YAML or Java file, so
 * spec text can never break out of its string.
 */
public final class Escapes {

    private Escapes() {
    }

    /**
     * @param s any text
     * @return a YAML 1.1/1.2 double-quoted scalar, e.g. {@code "a \"b\""}; only escapes both versions accept
     *         (backslash escapes for quote, backslash, newline, carriage return, tab, and 4-digit hexadecimal
     *         code units), so SnakeYAML and YAML 1.2 parsers read the same string
     */
    public static String yamlString(String s) {
        return '"' + escape(s, c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028'
                || c == '\u2029' || c == 0xfeff || Character.isSurrogate((char) c)) + '"';
    }

    /**
     * @param s any text
     * @return a Java string literal with quotes, e.g. {@code "a\\nb"}
     */
    public static String javaString(String s) {
        return '"' + javaStringBody(s) + '"';
    }

    /**
     * @param s any text
     * @return the text escaped for the inside of a Java string literal: quotes, backslashes, control and non-ASCII
     *         characters (so the file is plain ASCII whatever the spec holds)
     */
    public static String javaStringBody(String s) {
        return escape(s, c -> c < 0x20 || c > 0x7e);
    }

    /** Escapes quote, backslash, newline, carriage return and tab by name, and other chosen chars as 4-digit hex. */
    private static String escape(String s, java.util.function.IntPredicate hex) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (hex.test(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** {@code yamlString(text)} for templates. */
    static final TemplateMethodModelEx YAML = args -> new SimpleScalar(yamlString(arg(args, "yamlString")));

    /** {@code javaString(text)} for templates. */
    static final TemplateMethodModelEx JAVA = args -> new SimpleScalar(javaString(arg(args, "javaString")));

    private static String arg(List<?> args, String fn) throws TemplateModelException {
        if (args.size() != 1 || !(args.get(0) instanceof TemplateScalarModel s)) {
            throw new TemplateModelException(fn + "(text) takes exactly one string");
        }
        return s.getAsString();
    }
}
