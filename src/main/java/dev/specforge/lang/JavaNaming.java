package dev.specforge.lang;

import dev.specforge.spec.Names;

import java.util.Set;

/**
 * Java 17 identifiers for the neutral names (the rules {@code spec.Names} applied at parse time before the language
 * customizers).
 * <ul>
 *   <li>Members: keywords, boolean and null literals and contextual keywords (JLS 17 section 3.9, "Keywords";
 *       {@link Names#isJavaKeyword}) get a trailing {@code _} ({@code class} to {@code class_}); names of
 *       {@code java.lang.Object} methods get a
 *       {@code Value} suffix, because a record component {@code hashCode} would declare an accessor that clashes
 *       with {@code Object.hashCode()} (JLS 17 section 8.10.3).</li>
 *   <li>Types: a generated type in the project's package shadows a {@code java.lang} type of the same simple name
 *       (JLS 17 section 6.4.1, "Shadowing"), and the generated code uses {@code String}, {@code Integer},
 *       {@code Object} and others by simple name; such names, and the generated {@code Application} and
 *       {@code Repository}, get a {@code Model} suffix ({@code String} to {@code StringModel}).</li>
 * </ul>
 */
public final class JavaNaming implements Naming {

    /** java.lang types that generated code refers to by simple name (a same-package type would shadow them). */
    static final Set<String> SHADOWING_TYPES = Set.of(
            "Object", "String", "Integer", "Long", "Double", "Float", "Short", "Byte", "Boolean", "Character",
            "Number", "Math", "System", "Class", "Enum", "Record", "Override", "Deprecated", "Void", "Iterable",
            "Exception", "RuntimeException", "Error", "Throwable", "Thread", "Runnable", "Comparable",
            "CharSequence", "StringBuilder", "SuppressWarnings", "FunctionalInterface", "SafeVarargs",
            "Application", "Repository");

    /** The public and protected methods of {@code java.lang.Object} (Java SE 17 API). */
    static final Set<String> OBJECT_METHODS = Set.of(
            "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize", "equals");

    @Override
    public String type(String neutral) {
        return SHADOWING_TYPES.contains(neutral) ? neutral + "Model" : neutral;
    }

    @Override
    public String member(String neutral) {
        if (Names.isJavaKeyword(neutral)) {
            return neutral + "_";
        }
        return OBJECT_METHODS.contains(neutral) ? neutral + "Value" : neutral;
    }
}
