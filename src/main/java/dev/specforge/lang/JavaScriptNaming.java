package dev.specforge.lang;

import java.util.Set;

/**
 * JavaScript identifiers for the neutral names (ECMA-262, 14th edition).
 * <ul>
 *   <li>Members used as bindings (variables, parameters): the reserved words (section 12.7.2, "Keywords and
 *       Reserved Words": {@code ReservedWord}), the words reserved in strict mode code ({@code let}, {@code static},
 *       {@code implements}, {@code interface}, {@code package}, {@code private}, {@code protected}, {@code public};
 *       the generated modules are {@code 'use strict'}), and {@code arguments} and {@code eval}, which strict code
 *       may not bind (section 13.1.1), get a trailing {@code _}. Property names may be reserved words (an
 *       {@code IdentifierName}), so the JSON names in the models need nothing.</li>
 *   <li>Types: the generated code binds a type's name only with a suffix ({@code StringService},
 *       {@code validateString}) or as a property key ({@code models.String}), so no type name can shadow a global
 *       such as {@code String} or {@code Object}, and type names are kept as they are. A template that binds a bare
 *       type name must escape it itself.</li>
 * </ul>
 */
public final class JavaScriptNaming implements Naming {

    /** ECMA-262 section 12.7.2 ReservedWord, plus strict-mode reserved words and the strict-mode bans of 13.1.1. */
    static final Set<String> RESERVED = Set.of("await", "break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
            "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
            "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
            "let", "static", "implements", "interface", "package", "private", "protected", "public",
            "arguments", "eval");

    @Override
    public String type(String neutral) {
        return neutral;
    }

    @Override
    public String member(String neutral) {
        return RESERVED.contains(neutral) ? neutral + "_" : neutral;
    }
}
