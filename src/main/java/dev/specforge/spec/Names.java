package dev.specforge.spec;

import com.ibm.icu.text.Transliterator;
import dev.specforge.io.DisplayText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns names written in specs into the language-neutral names of the project model: the spec's words in a casing
 * (PascalCase for types, lowerCamelCase for members, UPPER_SNAKE_CASE for enum constants), file-safe names and
 * artifact ids.
 *
 * <p>Rules: a name is first made ASCII ({@link #ascii}: invisible format characters removed, other scripts
 * transliterated with ICU4J), then only ASCII letters and digits survive (everything else splits words); a name
 * never starts with a digit
 * (every target language's identifiers need that). No language's reserved words are escaped here: {@code class}
 * stays {@code class} and a type {@code String} stays {@code String}. Each stack's language customizer escapes its own
 * ({@code dev.specforge.lang}). Uniqueness is case-insensitive so that generated file names never clash on
 * case-insensitive file systems.
 */
public final class Names {

    /**
     * Java keywords, contextual keywords and literals (JLS 17 section 3.9). The one place the neutral model keeps a
     * language's words: a project's package name is a Java-style dotted name that every stack
     * reads ({@code project.packageName}), so its segments avoid them.
     */
    private static final Set<String> PACKAGE_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null",
            "var", "yield", "record", "sealed", "permits", "when", "module", "open", "exports", "requires", "to",
            "with", "uses", "provides", "transitive", "opens");

    private Names() {
    }

    /**
     * The ICU transform (ICU User Guide, "General Transforms") that turns a name in any script into ASCII:
     * {@code Any-Latin} (each script's transliteration to Latin: Cyrillic {@code Аккаунт} to {@code Akkaunt}, Greek
     * {@code Λογαριασμός} to {@code Logariasmós}, Han to space-separated pinyin {@code yòng hù}, kana, Hangul ...),
     * then the modifier primes and apostrophes it writes for signs such as the Cyrillic soft and hard sign (U+02B9 to
     * U+02BF) removed so they do not split a word, {@code Latin-ASCII} (accented and special Latin letters to ASCII:
     * {@code ó} to {@code o}, {@code ß} to {@code ss}, fullwidth {@code Ａ} to {@code A}). Combining marks on a letter,
     * decomposed or not ({@code e} U+0301), go with it; one with no letter before it stays and splits words like
     * punctuation, so a further {@code [:Nonspacing Mark:] Remove} would change no identifier. Built on first use
     * (about half a second), so specs with ASCII names never pay for it. ICU4J's {@code Transliterator} Javadoc ("Transliterators are
     * stateless"): threads may share one instance without synchronizing.
     */
    private static final class Ascii {
        static final Transliterator TO_ASCII = Transliterator.getInstance(
                "Any-Latin; [\\u02B9-\\u02BF] Remove; Latin-ASCII");
    }

    /**
     * Makes a spec's name ASCII before it is split into words: invisible format characters (Unicode general
     * category Cf: zero-width space, joiners U+200B-U+200D, word joiner U+2060, byte order mark U+FEFF,
     * bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, soft hyphen ...) vanish, and
     * any other non-ASCII text is transliterated with ICU's {@code Any-Latin; Latin-ASCII} transform. The same input
     * gives the same output on every JVM and in every default locale (ICU carries its own data; nothing here reads
     * the default locale).
     *
     * @param raw any text, e.g. {@code Аccount} (Cyrillic А, U+0410), {@code 用户名}, {@code cafe} with U+0301
     *            (combining acute) after the {@code e}, or {@code pass} U+200B {@code word}; may be {@code null}
     * @return the text in ASCII where a transliteration exists, e.g. {@code Account}, {@code yong hu ming},
     *         {@code cafe}, {@code password}; characters with none (an emoji) stay and later split words like
     *         punctuation; the input itself when it is ASCII already; {@code null} for {@code null}
     */
    public static String ascii(String raw) {
        if (raw == null || isAscii(raw)) {
            return raw;
        }
        StringBuilder visible = new StringBuilder(raw.length());
        raw.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT).forEach(visible::appendCodePoint);
        String s = visible.toString();
        return isAscii(s) ? s : Ascii.TO_ASCII.transliterate(s);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits a name into ASCII words at non-alphanumerics and lower-to-upper case changes, after making it ASCII
     * ({@link #ascii}).
     *
     * @param name any text, may be {@code null}
     * @return the words, never {@code null}, possibly empty
     */
    public static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        if (name == null) {
            return words;
        }
        String raw = ascii(name);
        StringBuilder cur = new StringBuilder();
        char prev = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum) {
                flush(words, cur);
            } else {
                boolean boundary = Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev))
                        || (Character.isUpperCase(c) && Character.isUpperCase(prev) && i + 1 < raw.length()
                        && Character.isLowerCase(raw.charAt(i + 1)));
                if (boundary) {
                    flush(words, cur);
                }
                cur.append(c);
            }
            prev = alnum ? c : 0;
        }
        flush(words, cur);
        return words;
    }

    private static void flush(List<String> words, StringBuilder cur) {
        if (cur.length() > 0) {
            words.add(cur.toString());
            cur.setLength(0);
        }
    }

    /** Windows device names, reserved as file names with any extension (Microsoft: "Naming Files, Paths"). */
    private static final java.util.regex.Pattern WINDOWS_RESERVED =
            java.util.regex.Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])");
    /** Longest type name kept whole; longer ones keep a prefix plus a hash so file names stay portable. */
    static final int MAX_TYPE_NAME = 100;

    /**
     * @param raw a name from a spec, e.g. {@code pet_status} or {@code 200-response}
     * @return an UpperCamelCase type name, e.g. {@code PetStatus} or {@code Model200Response}; a Windows
     *         device name gets a {@code Model} suffix ({@code CON} becomes {@code CONModel}, so {@code CON.java}
     *         never appears in a zip), and a name over {@value #MAX_TYPE_NAME} characters keeps its first 90 plus
     *         {@code _} and 8 hex digits of its hash (the same name always gives the same result)
     */
    public static String typeName(String raw) {
        String name = plainTypeName(raw);
        if (WINDOWS_RESERVED.matcher(name).matches()) {
            name = name + "Model";
        }
        if (name.length() > MAX_TYPE_NAME) {
            name = name.substring(0, 90) + "_" + String.format("%08x", name.hashCode());
        }
        return name;
    }

    private static String plainTypeName(String raw) {
        StringBuilder b = new StringBuilder();
        for (String w : words(raw)) {
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        String name = b.length() == 0 ? "Model" : b.toString();
        if (Character.isDigit(name.charAt(0))) {
            name = "Model" + name;
        }
        return name;
    }

    /**
     * @param raw a name from a spec, e.g. {@code user-name}, {@code @type}, {@code class} or {@code 2fa}
     * @return a lowerCamelCase member name, e.g. {@code userName}, {@code type}, {@code class}, {@code _2fa}
     */
    public static String memberName(String raw) {
        List<String> words = words(raw);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i == 0) {
                b.append(allUpper(w) && w.length() > 1 ? w.toLowerCase(Locale.ROOT)
                        : Character.toLowerCase(w.charAt(0)) + w.substring(1));
            } else {
                b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        String name = b.length() == 0 ? "value" : b.toString();
        if (Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return name;
    }

    /**
     * @param raw an enum value from a spec, e.g. {@code in-progress} or {@code 1st}
     * @return an UPPER_SNAKE_CASE constant name, e.g. {@code IN_PROGRESS} or {@code _1ST}; {@code EMPTY} for a
     *         value with no letters or digits
     */
    public static String constantName(String raw) {
        String name = String.join("_", words(raw)).toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            name = "EMPTY";
        }
        if (Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return name;
    }

    /**
     * @param raw any name, e.g. {@code Swagger Petstore - OpenAPI 3.0}
     * @return lower-case words joined by dashes, e.g. {@code swagger-petstore-open-api-3-0}; {@code project} if empty
     */
    public static String kebab(String raw) {
        String name = String.join("-", words(raw)).toLowerCase(Locale.ROOT);
        return name.isEmpty() ? "project" : name;
    }

    /**
     * @param raw any name, e.g. {@code OrderItem} or {@code order_item}
     * @return its ASCII letters and digits in lower case, e.g. {@code orderitem}; {@code x} when it has none, and an
     *         {@code x} in front when it starts with a digit (a Go package or folder name, sorted the same way by
     *         byte order and by collation)
     */
    public static String lowerName(String raw) {
        String s = String.join("", words(raw)).toLowerCase(Locale.ROOT);
        return s.isEmpty() ? "x" : Character.isDigit(s.charAt(0)) ? "x" + s : s;
    }

    /**
     * @param raw any name
     * @return a valid lower-case Java package segment (letters and digits, not a keyword, not starting with a digit)
     */
    public static String packageSegment(String raw) {
        String s = String.join("", words(raw)).toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            s = "app";
        }
        if (Character.isDigit(s.charAt(0))) {
            s = "_" + s;
        }
        return PACKAGE_KEYWORDS.contains(s) ? s + "_" : s;
    }

    /**
     * @param name an identifier
     * @return whether it is a Java keyword, contextual keyword or literal (JLS 17 section 3.9); read by the Java
     *         language customizer too, so the list is written once
     */
    public static boolean isJavaKeyword(String name) {
        return PACKAGE_KEYWORDS.contains(name);
    }

    private static boolean allUpper(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLowerCase(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Hands out names that are unique case-insensitively, appending 2, 3, ... on a clash: the first claim in model
     * (document) order keeps the plain name, so the result depends on the spec alone. Names that become the same
     * identifier only after {@link #ascii} ({@code Аccount} with a Cyrillic А and {@code Account}), or that differ only
     * in case or punctuation ({@code user_name}, {@code userName}), are told apart this way. Given a warnings list,
     * a clash between two spec names adds a warning naming both and the result.
     * Not thread-safe: one instance per namespace while building a model.
     */
    public static final class Unique {
        private final Set<String> taken = new HashSet<>();
        /** By lower-case taken name: the spec's name that claimed it, when the claim named one. */
        private final Map<String, String> claimedBy = new HashMap<>();
        private final List<String> warnings;
        private final String namespace;

        /**
         * A namespace that warns about nothing: names the model makes up itself, or names whose clashes the input's
         * own rules already refuse (the native spec's name patterns).
         */
        public Unique() {
            this(null, null);
        }

        /**
         * @param warnings  where a clash between two spec names is added (the model's warnings), or {@code null}
         * @param namespace what the names are, plural, for the warning, e.g. {@code schema names} or
         *                  {@code property names of Account}
         */
        public Unique(List<String> warnings, String namespace) {
            this.warnings = warnings;
            this.namespace = namespace;
        }

        /**
         * @param name a candidate name (already a valid identifier)
         * @return the name, or the name with the smallest numeric suffix that is still free; it is now taken
         */
        public String claim(String name) {
            return claim(name, null);
        }

        /**
         * Claims a name made from a spec's name, and warns when it has to take a suffix because an earlier spec name
         * became the same identifier, e.g. {@code schema names: 'Аccount' and 'Account' both become the identifier
         * 'Account'; 'Account' is 'Account2'} (the spec's names as {@link DisplayText#escape} shows them: invisible
         * and control characters written as escapes, e.g. U+200B as backslash-{@code u200B}).
         *
         * @param name a candidate name (already a valid identifier)
         * @param raw  the spec's name it was made from, or {@code null} for a made-up name (no warning)
         * @return the name, or the name with the smallest numeric suffix that is still free; it is now taken
         */
        public String claim(String name, String raw) {
            String candidate = name;
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = name + n;
            }
            if (raw != null) {
                claimedBy.put(candidate.toLowerCase(Locale.ROOT), raw);
                String first = claimedBy.get(name.toLowerCase(Locale.ROOT));
                if (warnings != null && !candidate.equals(name) && first != null) {
                    warnings.add(namespace + ": '" + DisplayText.escape(first) + "' and '" + DisplayText.escape(raw)
                            + "' both become the identifier '" + name + "'; '" + DisplayText.escape(raw) + "' is '"
                            + candidate + "'");
                }
            }
            return candidate;
        }

        /**
         * @param name a name
         * @return whether it is taken (case-insensitively)
         */
        public boolean isTaken(String name) {
            return taken.contains(name.toLowerCase(Locale.ROOT));
        }

    }
}
