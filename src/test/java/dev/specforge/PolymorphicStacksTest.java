package dev.specforge;

import dev.specforge.support.GeneratedZip;
import dev.specforge.support.Toolchain;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 19 in the go-service and express-api stacks: the polymorphism of specs/polymorphism/pets.openapi.yaml (a
 * discriminated supertype Pet of Cat and Dog; Animal, Mammal, Whale, Bat, Bird over two levels with a mapping; a
 * oneOf VehicleResponse with a mapping; an allOf with a oneOf part, Adoptable) in each language's own idiom. Go: an
 * interface per union that each concrete struct implements with a marker method, and {@code Decode<Union>} /
 * {@code Parse<Union>} that dispatch on the discriminator. JavaScript: a union model with the discriminator's
 * {@code mapping} to each type's model, whose {@code validate} dispatches to it. With the toolchains installed, a test
 * written in the project's own language (src/test/resources/polymorphism/) is added to the generated project and run
 * with its own tests: each concrete type's JSON decodes through its union to that type and encodes back to the same
 * JSON (Go), or validates through the union (JavaScript); a wrong discriminator value or a missing required property
 * of the subtype is refused. specs/shapes/schema-set/payment.json adds a required field of an undiscriminated union in
 * a CRUD type, which each project's generated tests send and read back over HTTP.
 */
class PolymorphicStacksTest extends StacksTest.Generating {

    private static final Path SPECS = Path.of("src/test/resources/specs/polymorphism");
    private static final Path CHECKS = Path.of("src/test/resources/polymorphism");
    private static final String MODEL = "internal/platform/model/";

    @Test
    void should_render_a_go_union_as_an_interface_its_subtypes_implement_and_decode_it_by_the_discriminator()
            throws Exception {
        GeneratedZip go = generate(Files.readAllBytes(SPECS.resolve("pets.openapi.yaml")), "pets.openapi.yaml",
                "go-service");

        Map<String, String> files = go.files();
        assertThat(files.get(MODEL + "pet.go")).contains("type Pet interface {\n\tisPet()\n}",
                "func (Cat) isPet() {}", "func (Dog) isPet() {}",
                "func DecodePet(v any, at string) (Pet, []FieldError) {",
                "discriminator(v, at, \"petType\", []string{\"Cat\", \"Dog\"})",
                "case \"Cat\":\n\t\treturn branch[Pet](DecodeCat)(v, at)", "func ParsePet(data []byte) (Pet, error)")
                .doesNotContain("json.RawMessage");
        assertThat(files.get(MODEL + "cat.go")).contains("type Cat struct {", "HuntingSkill *CatHuntingSkill");
        assertThat(files.get(MODEL + "dog.go")).contains("type Dog struct {");
        // two levels: a Whale is an Animal and a Mammal; the mapping's values, not the schema names
        assertThat(files.get(MODEL + "animal.go")).contains("type Animal interface {", "func (Whale) isAnimal() {}",
                "func (Bat) isAnimal() {}", "func (Bird) isAnimal() {}",
                "[]string{\"whale\", \"bat\", \"bird\"}", "case \"whale\":\n\t\treturn branch[Animal](DecodeWhale)");
        assertThat(files.get(MODEL + "mammal.go")).contains("type Mammal interface {", "func (Whale) isMammal() {}",
                "func (Bat) isMammal() {}").doesNotContain("Bird");
        assertThat(files.get(MODEL + "whale.go")).contains("type Whale struct {");
        assertThat(files.get(MODEL + "vehicleresponse.go")).contains("func (Car) isVehicleResponse() {}",
                "case \"bike\":\n\t\treturn branch[VehicleResponse](DecodeBike)");
        assertThat(files.get(MODEL + "adoptable.go")).contains("func (AdoptableHamster) isAdoptable() {}",
                "case \"hamster\":\n\t\treturn branch[Adoptable](DecodeAdoptableHamster)");
        // fields of a union type decode through the union
        assertThat(files.get(MODEL + "zoo.go")).contains("Animals *[]Animal", "list(o, \"animals\", false, DecodeAnimal)",
                "field(o, \"star\", false, DecodePet)").doesNotContain("decodeAs");
        goCheck(go, "pets", CHECKS.resolve("union_roundtrip_test.go"), "TestUnionsRoundTrip");

        // without a discriminator (JSON Schema: allOf with a oneOf part), the first type the value is valid as
        GeneratedZip shapes = generate(Files.readAllBytes(SPECS.resolve("shapes.schema.json")), "shapes.schema.json",
                "go-service");
        assertThat(shapes.files().get(MODEL + "placedshape.go")).contains("type PlacedShape interface {",
                "func (PlacedShapeCircle) isPlacedShape() {}", "return firstOf(v, at, []string{\"PlacedShapeCircle\","
                        + " \"PlacedShapeSquare\"},\n\t\tbranch[PlacedShape](DecodePlacedShapeCircle),");

        // a required field of an undiscriminated union in a CRUD type: the handler tests send and read it back
        // (encoding/json reads the union field through the union)
        GeneratedZip payment = generate(Files.readAllBytes(Path.of("src/test/resources/specs/shapes/schema-set"
                + "/payment.json")), "payment.json", "go-service");
        assertThat(payment.files().get(MODEL + "payment.go")).contains("Method *PaymentMethod",
                "func (x *Payment) UnmarshalJSON(data []byte) error {",
                "rawUnion(aux.Method, \"/method\", DecodePaymentMethod)");
        goCheck(payment, "payment", null, "TestPaymentCreateReadReplaceDelete");
    }

    @Test
    void should_validate_a_javascript_union_through_the_branch_its_discriminator_names() throws Exception {
        // OpenAPI input: the service validates with contract.json, where each branch of a discriminated oneOf
        // requires its discriminator values
        GeneratedZip js = generate(Files.readAllBytes(SPECS.resolve("pets.openapi.yaml")), "pets.openapi.yaml",
                "express-api");
        assertThat(js.files()).doesNotContainKey("src/models/pet.js");
        assertThat(js.files().get("src/contract.json")).contains("\"enum\" : [ \"hamster\" ]",
                "\"enum\" : [ \"parrot\" ]", "\"enum\" : [ \"car\" ]");
        nodeCheck(js, "pets", CHECKS.resolve("contract-unions.test.js"),
                "an Adoptable hamster and an Adoptable parrot are accepted",
                "an unknown discriminator value is refused",
                "a property of the selected branch with the wrong type is refused");

        // a required field of an undiscriminated union in a CRUD type: the generated tests make a valid one
        GeneratedZip payment = generate(Files.readAllBytes(Path.of("src/test/resources/specs/shapes/schema-set"
                + "/payment.json")), "payment.json", "express-api");
        assertThat(payment.files().get("src/models/payment-method.js")).contains("const mapping = new Map();",
                "const concrete = Object.freeze([\"PaymentMethodCard\", \"PaymentMethodBankTransfer\"]);");
        nodeCheck(payment, "payment", null, "ok", "Payment: created, read, listed, replaced and deleted over HTTP");
    }

    /**
     * With node and npm installed (and the project's dependencies installable): the project, with the check added
     * to its tests, passes npm test.
     *
     * @param project the generated project
     * @param name    the folder to extract it to, under the work folder
     * @param check   a test file for test/, or null
     * @param passed  text the test output must contain
     */
    private void nodeCheck(GeneratedZip project, String name, Path check, String... passed) throws Exception {
        assumeTrue(Toolchain.find("node").isPresent() && Toolchain.find("npm").isPresent(),
                "node and npm are not on the PATH: the generated API's tests are not run");
        Path dir = Toolchain.extract(project, work.resolve("express-" + name));
        if (check != null) {
            Files.copy(check, dir.resolve("test/" + check.getFileName()));
        }
        assertThat(Toolchain.npmInstallAndTest(dir)).contains(passed);
    }

    /**
     * With Go installed: the module, with the check added to its model package, passes go vet and go test.
     *
     * @param project  the generated module
     * @param name     the folder to extract it to, under the work folder
     * @param check    a test file for the model package, or null
     * @param mustPass a test that must have passed
     */
    private void goCheck(GeneratedZip project, String name, Path check, String mustPass) throws Exception {
        assumeTrue(Toolchain.find("go").isPresent(), "go is not on the PATH: the generated module is not built");
        Path dir = Toolchain.extract(project, work.resolve("go-" + name));
        if (check != null) {
            Files.copy(check, dir.resolve(MODEL + check.getFileName()));
        }
        assertThat(Toolchain.goVetAndTest(dir)).contains("--- PASS: " + mustPass).doesNotContain("--- SKIP");
    }
}
