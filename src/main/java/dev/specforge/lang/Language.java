package dev.specforge.lang;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The programming language a stack generates, declared by the {@code language:} key of its {@code stack.yaml}
 * (docs/stacks.md). It chooses the {@link Naming} rules that turn the neutral project model's names into
 * identifiers, and, in {@code render}, the customizer that adds the language's keys to the template model.
 */
public enum Language {
    /** Java 17: keywords, {@code java.lang} shadowing and {@code Object} methods escaped ({@link JavaNaming}). */
    JAVA("java", new JavaNaming()),
    /** Go: keywords and predeclared identifiers escaped ({@link GoNaming}). */
    GO("go", new GoNaming()),
    /** JavaScript (ECMAScript): reserved words escaped ({@link JavaScriptNaming}). */
    JAVASCRIPT("javascript", new JavaScriptNaming()),
    /**
     * Any other language: the template model keeps the neutral names (escaping is the templates' business), so a
     * stack in a language specforge has no customizer for is still only a folder.
     */
    OTHER("other", Naming.NONE);

    private final String id;
    private final Naming naming;

    Language(String id, Naming naming) {
        this.id = id;
        this.naming = naming;
    }

    /** @return the value of {@code language:} in a manifest, e.g. {@code javascript} */
    public String id() {
        return id;
    }

    /** @return the language's naming rules */
    public Naming naming() {
        return naming;
    }

    /**
     * @param id    the manifest's {@code language:} value, may be {@code null} or blank when the key is missing
     * @param stack the stack's name, for the message
     * @return the language with that id (exact, lower case)
     * @throws IllegalArgumentException when the value is missing or not one of the ids; the message names the stack
     *                                  and the allowed values
     */
    public static Language of(String id, String stack) {
        for (Language l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        String allowed = Arrays.stream(values()).map(Language::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("stack " + stack + ": "
                + (id == null || id.isBlank() ? "'language' is required"
                : "'language: " + id + "' is not a known language") + " (one of: " + allowed + ")");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
