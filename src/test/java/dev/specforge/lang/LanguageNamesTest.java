package dev.specforge.lang;

import dev.specforge.plan.PlanException;
import dev.specforge.plan.StackRegistry;
import dev.specforge.spec.Constraints;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.FieldType;
import dev.specforge.spec.ProjectInfo;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.SpecFormat;
import dev.specforge.spec.TypeRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-language identifiers of a neutral model, and the manifest's {@code language:} key. */
class LanguageNamesTest {

    private static Field field(String name) {
        return new Field(name, name, TypeRef.of(FieldType.STRING), null, false, false, Constraints.NONE, null);
    }

    private static Entity object(String name, String... fields) {
        return new Entity(name, name, Entity.Kind.OBJECT, null,
                java.util.Arrays.stream(fields).map(LanguageNamesTest::field).toList(), List.of());
    }

    /** Types String and StringModel, fields class and class2 (the neutral model's suffix), hashCode and new. */
    private static final ProjectModel MODEL = new ProjectModel(
            new ProjectInfo("p", "com.example", "1", null, "com.example.p"), null,
            new ProjectModel.Source(SpecFormat.NATIVE, "specforge", 0),
            List.of(object("String", "class", "hashCode", "new", "type"), object("StringModel", "id")),
            List.of(), Map.of(), List.of());

    @Test
    void should_escape_java_names_and_suffix_names_that_collide_only_after_escaping() {
        LanguageNames java = LanguageNames.of(MODEL, Language.JAVA);
        assertThat(java.type("StringModel")).as("unescaped names keep theirs").isEqualTo("StringModel");
        assertThat(java.type("String")).isEqualTo("StringModel2");
        assertThat(java.member("String", "class")).isEqualTo("class_");
        assertThat(java.member("String", "hashCode")).isEqualTo("hashCodeValue");
        assertThat(java.member("String", "new")).isEqualTo("new_");
        assertThat(java.member("String", "type")).isEqualTo("type");
        assertThat(java.variable("String")).isEqualTo("stringModel2");
    }

    @Test
    void should_keep_names_go_and_javascript_do_not_reserve() {
        LanguageNames go = LanguageNames.of(MODEL, Language.GO);
        assertThat(go.type("String")).isEqualTo("String");
        assertThat(go.member("String", "class")).isEqualTo("class");
        assertThat(go.member("String", "type")).isEqualTo("type_");
        assertThat(go.member("String", "new")).as("predeclared").isEqualTo("new_");
        assertThat(go.variable("String")).as("predeclared string").isEqualTo("string_");
        assertThat(GoNaming.packageName("type")).isEqualTo("typepkg");
        assertThat(GoNaming.packageName("string")).isEqualTo("string");
        LanguageNames js = LanguageNames.of(MODEL, Language.JAVASCRIPT);
        assertThat(js.type("String")).isEqualTo("String");
        assertThat(js.member("String", "class")).isEqualTo("class_");
        assertThat(js.member("String", "type")).isEqualTo("type");
        assertThat(js.member("String", "hashCode")).isEqualTo("hashCode");
        LanguageNames other = LanguageNames.of(MODEL, Language.OTHER);
        assertThat(other.member("String", "class")).isEqualTo("class");
    }

    @Test
    void should_refuse_a_name_that_is_not_in_the_model() {
        assertThatThrownBy(() -> LanguageNames.of(MODEL, Language.GO).type("Nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Nope'");
    }

    @Test
    void should_name_the_stack_and_the_allowed_values_when_language_is_missing_or_unknown(@TempDir Path root)
            throws Exception {
        Path stack = Files.createDirectories(root.resolve("mine"));
        Files.writeString(stack.resolve("a.ftl"), "a");
        String outputs = "outputs:\n  - {template: a.ftl, path: a.txt}\n";
        Files.writeString(stack.resolve("stack.yaml"), "name: mine\n" + outputs);
        assertThatThrownBy(() -> new StackRegistry(root).manifest("mine")).isInstanceOf(PlanException.class)
                .hasMessageContaining("stack mine").hasMessageContaining("'language' is required")
                .hasMessageContaining("java, go, javascript, other");
        Files.writeString(stack.resolve("stack.yaml"), "name: mine\nlanguage: Python\n" + outputs);
        assertThatThrownBy(() -> new StackRegistry(root).manifest("mine")).isInstanceOf(PlanException.class)
                .hasMessageContaining("'language: Python' is not a known language");
        Files.writeString(stack.resolve("stack.yaml"), "name: mine\nlanguage: go\n" + outputs);
        assertThat(new StackRegistry(root).manifest("mine").language()).isEqualTo(Language.GO);
    }
}
