package dev.specforge.lang;

import java.util.Set;

/**
 * Go identifiers for the neutral names (The Go Programming Language Specification, sections "Keywords" and
 * "Predeclared identifiers").
 * <ul>
 *   <li>Members (unexported, lowerCamelCase): the 25 keywords and the predeclared identifiers (types such as
 *       {@code string} and {@code error}, constants {@code true}, {@code false}, {@code iota}, the zero value
 *       {@code nil} and built-in functions such as {@code len} and {@code new}) get a trailing {@code _}. A
 *       predeclared identifier may legally be redeclared, but shadowing {@code string} or {@code len} would break
 *       the generated code that uses them.</li>
 *   <li>Types are exported (PascalCase) and so can never be a keyword or predeclared identifier (all lower case):
 *       {@code String} is a fine Go type name. Only the exported names the generated {@code model} package declares
 *       itself ({@code FieldError}, in validation.go) get a {@code Model} suffix.</li>
 *   <li>Exported struct fields are the neutral name in PascalCase ({@code class} is {@code Class}, {@code type} is
 *       {@code Type}); the template model's {@code pascalName} (no escape is ever needed).</li>
 * </ul>
 */
public final class GoNaming implements Naming {

    /** Go spec, "Keywords". */
    static final Set<String> KEYWORDS = Set.of("break", "case", "chan", "const", "continue", "default", "defer",
            "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
            "range", "return", "select", "struct", "switch", "type", "var");

    /** Go spec, "Predeclared identifiers" (Go 1.21: types, constants, zero value, functions). */
    static final Set<String> PREDECLARED = Set.of("any", "bool", "byte", "comparable", "complex64", "complex128",
            "error", "float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint",
            "uint8", "uint16", "uint32", "uint64", "uintptr", "true", "false", "iota", "nil", "append", "cap",
            "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic",
            "print", "println", "real", "recover");

    /** Exported names the generated model package declares besides the entities (templates/go-service). */
    static final Set<String> MODEL_PACKAGE_TYPES = Set.of("FieldError");

    @Override
    public String type(String neutral) {
        return MODEL_PACKAGE_TYPES.contains(neutral) ? neutral + "Model" : neutral;
    }

    @Override
    public String member(String neutral) {
        return KEYWORDS.contains(neutral) || PREDECLARED.contains(neutral) ? neutral + "_" : neutral;
    }

    /**
     * @param lowerName an entity's lower-case name, e.g. {@code orderitem} or {@code type}
     * @return the package clause for the entity's folder: the name, with {@code pkg} after a keyword
     *         ({@code type} to {@code typepkg}), since a package name is an identifier (Go spec, "Package clause")
     */
    public static String packageName(String lowerName) {
        return KEYWORDS.contains(lowerName) ? lowerName + "pkg" : lowerName;
    }
}
