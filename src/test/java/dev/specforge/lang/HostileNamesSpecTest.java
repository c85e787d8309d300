package dev.specforge.lang;

import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.Operation;
import dev.specforge.spec.OperationGroup;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.SpecDefaults;
import dev.specforge.spec.SpecReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OpenAPI document with schema, property and enum names in Cyrillic, Greek and Han, with combining marks,
 * zero-width characters and bidirectional controls inside them, and collisions after transliteration
 * (src/test/resources/specs/hostile-names.yaml), read by the real {@link SpecReader}: the model's names are ASCII,
 * the first name in document order keeps the plain identifier, the second gets a suffix and a warning.
 */
class HostileNamesSpecTest {

    private static ProjectModel model;

    @BeforeAll
    static void read() throws Exception {
        model = new SpecReader(SpecDefaults.STANDARD)
                .read(Files.readAllBytes(Path.of("src/test/resources/specs/hostile-names.yaml")));
    }

    private static Entity entity(String name) {
        return model.entities().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void should_name_every_entity_in_ascii_and_suffix_the_later_of_two_colliding_schemas() {
        assertThat(model.entities()).extracting(Entity::name)
                .containsExactly("Account", "Account2", "Logariasmos", "YongHu", "Status", "Payment", "Card", "Cash",
                        "CardKind", "CashKind");
        assertThat(model.entities()).extracting(Entity::sourceName).startsWith("\u0410ccount", "Account",
                "\u039b\u03bf\u03b3\u03b1\u03c1\u03b9\u03b1\u03c3\u03bc\u03cc\u03c2", "\u7528\u6237", "Status");
    }

    @Test
    void should_name_every_field_in_ascii_keeping_the_json_name() {
        assertThat(entity("Account").fields()).extracting(Field::name)
                .containsExactly("password", "password2", "cafe", "userName", "admin", "role", "class", "status",
                        "payment", "payments");
        assertThat(entity("Account").fields()).extracting(Field::jsonName).containsExactly("p\u0430ssword",
                "password", "cafe\u0301", "user\u200dName", "ad\u200bmin", "\u202erole\u202c", "\u2066class\u2069",
                "st\u0430tus", "pay\u200dment", "pay\u200dments");
        assertThat(entity("Card").fields()).extracting(Field::name).containsExactly("kind", "numero");
        assertThat(entity("Cash").fields()).extracting(Field::name).containsExactly("kind", "jinE");
        assertThat(entity("Logariasmos").fields()).extracting(Field::name).containsExactly("onoma", "typos");
        assertThat(entity("YongHu").fields()).extracting(Field::name).containsExactly("mingZi", "yongHuID");
        assertThat(entity("Status").values()).extracting(Entity.EnumValue::constant)
                .containsExactly("ACTIVE", "ACTIVE2", "ZAKRYT");
    }

    @Test
    void should_give_each_language_its_identifiers() {
        LanguageNames java = LanguageNames.of(model, Language.JAVA);
        LanguageNames go = LanguageNames.of(model, Language.GO);
        LanguageNames js = LanguageNames.of(model, Language.JAVASCRIPT);
        assertThat(List.of(java.type("Account2"), go.type("Account2"), js.type("Account2")))
                .containsExactly("Account2", "Account2", "Account2");
        assertThat(List.of(java.member("Account", "class"), go.member("Account", "class"),
                js.member("Account", "class"))).containsExactly("class_", "class", "class_");
        assertThat(List.of(java.variable("YongHu"), go.variable("YongHu"), js.variable("YongHu")))
                .containsExactly("yongHu", "yongHu", "yongHu");
        for (LanguageNames names : List.of(java, go, js)) {
            for (Entity e : model.entities()) {
                assertThat(names.type(e.name())).matches("[A-Za-z_][A-Za-z0-9_]*");
                for (Field f : e.fields()) {
                    assertThat(names.member(e.name(), f.name())).matches("[A-Za-z_][A-Za-z0-9_]*");
                }
            }
        }
    }

    @Test
    void should_warn_once_per_collision_naming_both_spec_names_and_the_result() {
        assertThat(model.warnings()).containsExactly(
                "schema names: '\u0410ccount' and 'Account' both become the identifier 'Account'; 'Account' is"
                        + " 'Account2'",
                "property names of Account: 'p\u0430ssword' and 'password' both become the identifier 'password';"
                        + " 'password' is 'password2'",
                "enum values of Status: '\u0430ctive' and 'active' both become the identifier 'ACTIVE'; 'active'"
                        + " is 'ACTIVE2'");
    }

    @Test
    void should_read_the_same_model_twice() throws Exception {
        ProjectModel again = new SpecReader(SpecDefaults.STANDARD)
                .read(Files.readAllBytes(Path.of("src/test/resources/specs/hostile-names.yaml")));
        assertThat(again).isEqualTo(model);
    }

    @Test
    void should_warn_when_operation_ids_or_tags_become_one_identifier() throws Exception {
        ProjectModel ops = new SpecReader(SpecDefaults.STANDARD).read("""
                openapi: 3.0.3
                info: {title: Ops, version: "1.0"}
                paths:
                  /a:
                    get:
                      operationId: getAccount
                      tags: ["Sceta"]
                      responses: {"200": {description: ok}}
                  /b:
                    get:
                      operationId: "get\\u0410ccount"
                      tags: ["\\u0421\\u0447\\u0435\\u0442\\u0430"]
                      responses: {"200": {description: ok}}
                  /c:
                    get:
                      responses: {"200": {description: ok}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(ops.operationGroups()).extracting(OperationGroup::name).containsExactly("Sceta", "Sceta2", "Default");
        assertThat(ops.operationGroups()).flatExtracting(OperationGroup::operations).extracting(Operation::id)
                .containsExactly("getAccount", "getAccount2", "getC");
        assertThat(ops.warnings()).containsExactly(
                "operation ids: 'getAccount' and 'get\u0410ccount' both become the identifier 'getAccount';"
                        + " 'get\u0410ccount' is 'getAccount2'",
                "tags: 'Sceta' and '\u0421\u0447\u0435\u0442\u0430' both become the identifier 'Sceta';"
                        + " '\u0421\u0447\u0435\u0442\u0430' is 'Sceta2'");
    }
}
