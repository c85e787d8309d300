package dev.specforge.render;

import dev.specforge.io.DisplayText;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

import java.util.List;

/**
 * Escaping functions for templates, exposed in every data model as {@code yamlString(text)},
 * {@code javaString(text)}, {@code jsString(text)} and {@code goString(text)}. They return the text quoted and
 * escaped, ready to paste into a YAML, Java, JavaScript or Go file, so spec text can never break out of its string.
 */
public final class Escapes {

    private Escapes() {
    }

    /**
     * @param s any text
     * @return a YAML 1.1/1.2 double-quoted scalar, e.g. {@code "a \"b\""}; only escapes both versions accept
     *         (backslash escapes for quote, backslash, newline, carriage return, tab, and 4-digit hexadecimal
     *         code units), so SnakeYAML and YAML 1.2 parsers read the same string; escaped are the characters
     *         {@link DisplayText#isUnsafe} names (controls C0, DEL and C1, format characters such as bidirectional
     *         controls and zero-width characters, U+2028, U+2029, surrogates), so none is raw in the file
     */
    public static String yamlString(String s) {
        return '"' + escape(s, DisplayText::isUnsafe) + '"';
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

    /**
     * @param s any text
     * @return a JavaScript string literal in double quotes (ECMA-262 section 12.9.4), plain ASCII: quote, backslash,
     *         newline, carriage return and tab by name, every other control or non-ASCII UTF-16 code unit as
     *         a 4-digit hexadecimal escape (so U+2028, U+2029 and unpaired surrogates are safe too)
     */
    public static String jsString(String s) {
        return '"' + escape(s, c -> c < 0x20 || c > 0x7e) + '"';
    }

    /**
     * @param s any text
     * @return a Go interpreted string literal (The Go Programming Language Specification, "String literals"), plain
     *         ASCII: quote, backslash, newline, carriage return and tab by name, other control and non-ASCII code
     *         points as 4- or 8-digit hexadecimal escapes (backslash u, backslash U); an unpaired surrogate (not
     *         valid in Go) becomes U+FFFD
     */
    public static String goString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8).append('"');
        s.codePoints().forEach(cp -> {
            if (named(b, cp)) {
                return;
            }
            if (cp >= 0x20 && cp <= 0x7e) {
                b.append((char) cp);
            } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                b.append("\\ufffd");
            } else if (cp <= 0xffff) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.append(String.format("\\U%08x", cp));
            }
        });
        return b.append('"').toString();
    }

    /** Escapes quote, backslash, newline, carriage return and tab by name, and other chosen chars as 4-digit hex. */
    private static String escape(String s, java.util.function.IntPredicate hex) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (named(b, c)) {
                continue;
            }
            if (hex.test(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Appends the escape that YAML, Java, JavaScript and Go all write the same way (quote, backslash, newline,
     * carriage return, tab), if {@code c} has one.
     *
     * @return whether {@code c} was appended as such an escape
     */
    private static boolean named(StringBuilder b, int c) {
        String escape = switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
        };
        if (escape != null) {
            b.append(escape);
        }
        return escape != null;
    }

    /** {@code yamlString(text)} for templates. */
    static final TemplateMethodModelEx YAML = args -> new SimpleScalar(yamlString(arg(args, "yamlString")));

    /** {@code javaString(text)} for templates. */
    static final TemplateMethodModelEx JAVA = args -> new SimpleScalar(javaString(arg(args, "javaString")));

    /** {@code jsString(text)} for templates. */
    static final TemplateMethodModelEx JS = args -> new SimpleScalar(jsString(arg(args, "jsString")));

    /** {@code goString(text)} for templates. */
    static final TemplateMethodModelEx GO = args -> new SimpleScalar(goString(arg(args, "goString")));

    private static String arg(List<?> args, String fn) throws TemplateModelException {
        if (args.size() != 1 || !(args.get(0) instanceof TemplateScalarModel s)) {
            throw new TemplateModelException(fn + "(text) takes exactly one string");
        }
        return s.getAsString();
    }
}
