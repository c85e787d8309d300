package dev.specforge;

import dev.specforge.support.GeneratedZip;
import dev.specforge.support.Toolchain;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's acceptance: one spec (specs/reserved-names.yaml: properties {@code class}, {@code type},
 * {@code default}, {@code function}, {@code hashCode} and {@code new}, and a schema named {@code String}) generated
 * with each stack shows that stack's language conventions and no other language's escapes. The model files are golden
 * (golden/stacks/&lt;stack&gt;/reserved-names/); every generated file must pass the stack's checks (javac-level parse,
 * gofmt, node --check), as {@link StacksTest.Generating#generate} asserts; with Go installed, the Go module (a
 * struct field {@code String} of type {@code String}, a function {@code DecodeString} beside the helper
 * {@code decodeString}) must pass go vet and its own tests.
 */
class LanguageConventionsTest extends StacksTest.Generating {

    private static final String SPEC = "reserved-names.yaml";

    @Test
    void should_escape_names_per_language_and_never_with_another_languages_rule() throws Exception {
        GeneratedZip go = generate(SPEC, "go-service");
        golden(go, "go-service", SPEC, "internal/platform/model/string.go", "internal/platform/model/holder.go");
        String goModel = go.files().get("internal/platform/model/string.go");
        assertThat(goModel).contains("type String struct", "\tClass *string", "\tType *StringType", "\tDefault *int32",
                        "\tFunction *string", "func DecodeString(")
                .doesNotContain("Class_", "StringModel", "hashCodeValue", "Default_");
        if (Toolchain.find("go").isPresent()) {
            Path dir = Toolchain.extract(go, work.resolve("go-project"));
            Toolchain.goVetAndTest(dir);
        }

        GeneratedZip js = generate(SPEC, "express-api");
        golden(js, "express-api", SPEC, "src/models/string.js", "src/models/holder.js", "src/models/index.js");
        String jsModel = js.files().get("src/models/string.js");
        assertThat(jsModel).contains("name: \"class\"", "name: \"function\"", "function validateString(")
                .doesNotContain("class_", "StringModel", "hashCodeValue");

        GeneratedZip java = generate(SPEC, "camel-service");
        String model = "src/main/java/com/example/reservednames/model/";
        golden(java, "camel-service", SPEC, model + "StringModel.java", model + "Holder.java");
        assertThat(java.files().get(model + "StringModel.java"))
                .contains("String class_", "Integer hashCodeValue", "Integer default_", "String function");
        assertThat(java.files()).doesNotContainKey(model + "String.java");
    }
}
