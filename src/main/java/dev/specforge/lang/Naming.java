package dev.specforge.lang;

/**
 * One language's rules for turning the project model's neutral names into that language's identifiers. The neutral
 * names come from {@link dev.specforge.spec.Names}: PascalCase type names and lowerCamelCase member names made of
 * the spec's words in ASCII (a name in another script transliterated first, ICU's {@code Any-Latin; Latin-ASCII},
 * with invisible format characters removed: {@link dev.specforge.spec.Names#ascii}), never starting with a digit,
 * with no language's reserved words escaped. So every rule here sees ASCII: a spec's {@code Ｓｔｒｉｎｇ} (fullwidth)
 * or {@code Str}U+200B{@code ing} is the neutral {@code String}, escaped like it.
 *
 * <p>Implementations are stateless and thread-safe; they escape one name at a time and do not make names unique
 * ({@link LanguageNames} does that, after escaping).
 */
public interface Naming {

    /**
     * @param neutral a neutral PascalCase type name, e.g. {@code String} or {@code OrderItem}
     * @return the type's identifier in the language, e.g. {@code StringModel} in Java; the input when it needs no
     *         escape
     */
    String type(String neutral);

    /**
     * @param neutral a neutral lowerCamelCase member name, e.g. {@code class} or {@code createdAt}
     * @return the member's (field, variable, method) identifier in the language, e.g. {@code class_} in Java; the
     *         input when it needs no escape
     */
    String member(String neutral);

    /** Names as the model has them: for a stack in a language without a customizer ({@link Language#OTHER}). */
    Naming NONE = new Naming() {
        @Override
        public String type(String neutral) {
            return neutral;
        }

        @Override
        public String member(String neutral) {
            return neutral;
        }
    };
}
