package dev.specforge.render;

import dev.specforge.lang.Language;
import dev.specforge.lang.LanguageNames;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;

import java.util.List;
import java.util.Map;

/**
 * Adds one language's view to the template model (docs/stacks.md, "Languages"). The neutral part of an entity or
 * field map (names as the spec's words, spec types, the merged {@link ValidationRules}) is built once by
 * {@link EntityModels}; the identifiers in it ({@code name}, {@code varName}, {@code target}, {@code permits},
 * {@code unions}) already come from the language's {@link LanguageNames}; a customizer then adds the keys only its
 * language's templates read, e.g. Java's {@code javaType}, {@code annotations}, {@code defaultExpression} and
 * {@code jsonProperty}. Chosen by the stack manifest's {@code language:} ({@link #of}). Stateless and thread-safe.
 */
interface LanguageCustomizer {

    /**
     * What a customizer may read besides the entity or field.
     *
     * @param names         the model's identifiers in the language
     * @param enumConstants per enum entity (neutral name), its values as written in the spec to their constant names
     * @param entities      every entity of the model by neutral name (a union's branches, a supertype's subtypes)
     */
    record Context(LanguageNames names, Map<String, Map<String, String>> enumConstants,
                   Map<String, Entity> entities) {

        /**
         * @param e an entity
         * @return the object entities a value of it may be: itself when it is an object, else (a union or supertype)
         *         the objects below its branches, each once, in branch order
         */
        public java.util.List<Entity> concrete(Entity e) {
            java.util.LinkedHashSet<Entity> out = new java.util.LinkedHashSet<>();
            concrete(e, out, new java.util.HashSet<>());
            return java.util.List.copyOf(out);
        }

        private void concrete(Entity e, java.util.Set<Entity> out, java.util.Set<String> seen) {
            if (e == null || !seen.add(e.name())) {
                return;
            }
            if (e.kind() == Entity.Kind.OBJECT) {
                out.add(e);
            }
            e.permits().forEach(p -> concrete(entities.get(p), out, seen));
        }
    }

    /**
     * Adds language keys to an entity map, after its fields are built (so it may read them).
     *
     * @param m an entity map (mutable)
     * @param e the entity
     * @param c the context
     */
    default void entity(Map<String, Object> m, Entity e, Context c) {
    }

    /**
     * Adds language keys to a field map.
     *
     * @param m      a field map (mutable)
     * @param e      the field's entity
     * @param f      the field
     * @param rules  the field's merged validation rules ({@link ValidationRules#of}), as in the map's {@code rules}
     * @param c      the context
     */
    default void field(Map<String, Object> m, Entity e, Field f, List<Map<String, String>> rules, Context c) {
    }

    /**
     * @param f          a field
     * @param applied    whether the generated code fills the field's default when it is missing
     * @return Javadoc-style lines on nullability, access and the default, e.g. {@code Default: 5 (documented only).}
     */
    static List<String> notes(Field f, boolean applied) {
        List<String> notes = new java.util.ArrayList<>();
        if (f.nullable()) {
            notes.add("May be null.");
        }
        if (f.access() == Field.Access.READ_ONLY) {
            notes.add("Read-only: sent in responses, ignored in requests.");
        } else if (f.access() == Field.Access.WRITE_ONLY) {
            notes.add("Write-only: accepted in requests, never sent in responses.");
        }
        if (f.defaultJson() != null) {
            String shown = f.defaultJson().length() > 200 ? f.defaultJson().substring(0, 197) + "..." : f.defaultJson();
            notes.add("Default: " + shown + (applied ? "." : " (documented only)."));
        }
        return ModelTexts.docLines(String.join(" ", notes));
    }

    /**
     * @param language a stack's language
     * @return its customizer: {@link JavaCustomizer}, {@link GoCustomizer}, or, for JavaScript and other languages,
     *         one that adds only the neutral {@code notes} (their templates read no language-only key)
     */
    static LanguageCustomizer of(Language language) {
        return switch (language) {
            case JAVA -> JavaCustomizer.INSTANCE;
            case GO -> GoCustomizer.INSTANCE;
            case JAVASCRIPT, OTHER -> NEUTRAL;
        };
    }

    /** Adds {@code notes} (defaults are documented, not applied). */
    LanguageCustomizer NEUTRAL = new LanguageCustomizer() {
        @Override
        public void field(Map<String, Object> m, Entity e, Field f, List<Map<String, String>> rules, Context c) {
            m.put("notes", notes(f, false));
        }
    };
}
