package dev.specforge.lang;

import dev.specforge.spec.Constraints;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.FieldType;
import dev.specforge.spec.Names;
import dev.specforge.spec.ProjectInfo;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.SpecFormat;
import dev.specforge.spec.TypeRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names in any script become ASCII identifiers (issue 23): {@code spec.Names} transliterates them with ICU's
 * {@code Any-Latin; Latin-ASCII} and removes invisible format characters, then each language's {@link Naming}
 * escapes the neutral name as it does an ASCII one. The names are written with Java escapes so that homoglyphs
 * (Cyrillic {@code а} U+0430 next to Latin {@code a}) and invisible characters can be seen here.
 */
class TransliteratedNamesTest {

    /** A one-entity model holding the neutral names made from {@code rawType} and {@code rawField}. */
    private static ProjectModel model(String rawType, String rawField) {
        Field f = new Field(Names.memberName(rawField), rawField, TypeRef.of(FieldType.STRING), null, false, false,
                Constraints.NONE, null);
        Entity e = new Entity(Names.typeName(rawType), rawType, Entity.Kind.OBJECT, null, List.of(f), List.of());
        return new ProjectModel(new ProjectInfo("p", "com.example", "1", null, "com.example.p"), null,
                new ProjectModel.Source(SpecFormat.OPENAPI, "openapi", 0), List.of(e), List.of(), Map.of(),
                List.of());
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Cyrillic A (U+0410)                     | \u0410ccount                    | Account     | Account     | Account          | Account
            Greek                                   | \u039b\u03bf\u03b3\u03b1\u03c1\u03b9\u03b1\u03c3\u03bc\u03cc\u03c2 | Logariasmos | Logariasmos | Logariasmos | Logariasmos
            Cyrillic with a hard sign               | \u041e\u0431\u044a\u0435\u043a\u0442 | Obekt | Obekt | Obekt | Obekt
            Han (pinyin)                            | \u7528\u6237                    | YongHu      | YongHu      | YongHu           | YongHu
            Han after Latin                         | user\u7528\u6237Name            | UserYongHuName | UserYongHuName | UserYongHuName | UserYongHuName
            Katakana                                | \u30e6\u30fc\u30b6\u30fc        | Yuza        | Yuza        | Yuza             | Yuza
            Hangul                                  | \uc0ac\uc6a9\uc790              | Sayongja    | Sayongja    | Sayongja         | Sayongja
            decomposed e + combining acute          | cafe\u0301                      | Cafe        | Cafe        | Cafe             | Cafe
            combining low line, macron below        | Ta\u0332g\u0331Line            | TagLine     | TagLine     | TagLine          | TagLine
            sharp s                                 | Stra\u00dfe                     | Strasse     | Strasse     | Strasse          | Strasse
            zero-width space inside String          | Str\u200bing                    | String      | StringModel | String           | String
            right-to-left override around Object    | \u202eObject\u202c              | Object      | ObjectModel | Object           | Object
            fullwidth, zero-width joiner            | \uff26\uff49\uff45\uff4c\uff44\u200d\uff25\uff52\uff52\uff4f\uff52 | FieldError | FieldError | FieldErrorModel | FieldError
            byte order mark, word joiner            | \ufeffOr\u2060der                | Order       | Order       | Order            | Order
            """)
    void should_transliterate_type_names_then_apply_each_language_rules(String what, String raw, String neutral,
                                                                        String java, String go, String javascript) {
        assertThat(raw).as("the row's escapes reach the test").matches("(?s).*[^\\x00-\\x7F].*");
        ProjectModel model = model(raw, "id");
        assertThat(model.entities().get(0).name()).as("neutral").isEqualTo(neutral);
        assertThat(LanguageNames.of(model, Language.JAVA).type(neutral)).as("Java").isEqualTo(java);
        assertThat(LanguageNames.of(model, Language.GO).type(neutral)).as("Go").isEqualTo(go);
        assertThat(LanguageNames.of(model, Language.JAVASCRIPT).type(neutral)).as("JavaScript").isEqualTo(javascript);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Cyrillic a (U+0430)                     | p\u0430ssword              | password    | password      | password  | password
            Greek with a tonos                      | \u03cc\u03bd\u03bf\u03bc\u03b1 | onoma | onoma         | onoma     | onoma
            Han (pinyin)                            | \u7528\u6237\u540d         | yongHuMing  | yongHuMing    | yongHuMing | yongHuMing
            decomposed e + combining acute          | cafe\u0301Id               | cafeId      | cafeId        | cafeId    | cafeId
            combining mark Latin-ASCII keeps (U+1DC0) | na\u1dc0me               | name        | name          | name      | name
            isolates around class                   | \u2066class\u2069          | class       | class_        | class     | class_
            zero-width joiner inside type           | ty\u200dpe                 | type        | type          | type_     | type
            ZWNJ and word joiner inside hashCode    | ha\u200csh\u2060Code       | hashCode    | hashCodeValue | hashCode  | hashCode
            byte order mark, LRO inside len         | \ufeffle\u202dn            | len         | len           | len_      | len
            RLI ... PDI inside arguments            | ar\u2067guments\u2069      | arguments   | arguments     | arguments | arguments_
            Cyrillic ID (all capitals)              | \u0418\u0414               | id          | id            | id        | id
            """)
    void should_transliterate_member_names_then_apply_each_language_rules(String what, String raw, String neutral,
                                                                          String java, String go, String javascript) {
        assertThat(raw).as("the row's escapes reach the test").matches("(?s).*[^\\x00-\\x7F].*");
        ProjectModel model = model("Thing", raw);
        assertThat(model.entities().get(0).fields().get(0).name()).as("neutral").isEqualTo(neutral);
        assertThat(LanguageNames.of(model, Language.JAVA).member("Thing", neutral)).as("Java").isEqualTo(java);
        assertThat(LanguageNames.of(model, Language.GO).member("Thing", neutral)).as("Go").isEqualTo(go);
        assertThat(LanguageNames.of(model, Language.JAVASCRIPT).member("Thing", neutral)).as("JavaScript")
                .isEqualTo(javascript);
    }

    @Test
    void should_remove_every_invisible_format_character_rather_than_split_a_word() {
        for (int cp : new int[]{0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                0x2066, 0x2067, 0x2068, 0x2069, 0x00AD}) {
            String raw = "user" + Character.toString(cp) + "name";
            assertThat(Names.ascii(raw)).as("U+%04X", cp).isEqualTo("username");
            assertThat(Names.memberName(raw)).as("U+%04X", cp).isEqualTo("username");
        }
    }

    @Test
    void should_leave_ascii_names_as_they_are() {
        String ascii = "pet_status-2 @type";
        assertThat(Names.ascii(ascii)).isSameAs(ascii);
        assertThat(Names.ascii(null)).isNull();
        assertThat(Names.words("HTTPServer_v2")).containsExactly("HTTP", "Server", "v2");
    }

    /** The same names in any default locale (Turkish lower-cases {@code I} to a dotless {@code ı}). */
    @Test
    void should_give_the_same_identifiers_in_any_default_locale() {
        List<String> raws = List.of("\u0418\u0414", "\u0130stanbul", "TITLE", "\u0131d", "\u7528\u6237ID",
                "\u0410CCOUNT_ID");
        List<String> root = identifiers(raws);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(identifiers(raws)).isEqualTo(root);
            Locale.setDefault(Locale.forLanguageTag("az"));
            assertThat(identifiers(raws)).isEqualTo(root);
        } finally {
            Locale.setDefault(saved);
        }
        assertThat(root).containsExactly("id", "ID", "Id", "ID", "istanbul", "Istanbul", "Istanbul", "ISTANBUL",
                "title", "TITLE", "Title", "TITLE", "id", "Id", "Id", "ID", "yongHuID", "YongHuID", "YongHuid",
                "YONG_HU_ID", "accountID", "ACCOUNTID", "AccountId", "ACCOUNT_ID");
    }

    private static List<String> identifiers(List<String> raws) {
        List<String> out = new ArrayList<>();
        for (String raw : raws) {
            out.add(Names.memberName(raw));
            out.add(Names.typeName(raw));
            out.add(Names.typeName(raw.toLowerCase(Locale.ROOT)));
            out.add(Names.constantName(raw));
        }
        return out;
    }

    /** One shared ICU transliterator: threads get what one thread gets (ICU4J: "Transliterators are stateless"). */
    @Test
    void should_transliterate_the_same_on_many_threads() throws Exception {
        List<String> raws = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            raws.add(List.of("\u0410ccount", "\u7528\u6237\u540d", "\u039b\u03cc\u03b3\u03bf\u03c2",
                    "\u0627\u0644\u062d\u0633\u0627\u0628", "\u30e6\u30fc\u30b6\u30fc").get(i % 5) + i);
        }
        List<String> expected = raws.stream().map(Names::typeName).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> raws.stream().map(Names::typeName).toList()));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
