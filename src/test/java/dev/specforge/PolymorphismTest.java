package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.support.CompiledTypes;
import dev.specforge.support.DocumentSchemas;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: inheritance and polymorphism as the document means them, for camel-service. Each fixture in
 * {@code specs/polymorphism} goes through the inbox of the real Camel Main; the generated model classes are golden
 * files and are compiled in-process; then, with Jackson, a JSON instance of every subtype the <em>document</em>
 * defines (built by {@link DocumentSchemas} from the document's own schemas, not from our model) reads through its
 * supertype or union as the right class and writes back as the same JSON.
 */
class PolymorphismTest extends SpecforgeTestSupport {

    private static final Path SPECS = Path.of("src/test/resources/specs/polymorphism");

    @Test
    void should_keep_discriminated_bases_subtypes_and_compositions_of_an_openapi_document() throws Exception {
        Loaded pets = generate("pets.openapi.yaml", "openapi", "com/example/polymorphicpets", "Pet", "Cat", "Dog",
                "Animal", "Mammal", "Whale", "Bat", "Bird", "Zoo", "Vehicle", "Car", "Bike", "VehicleResponse",
                "Adoptable", "AdoptableHamster", "AdoptableParrot", "AdoptableAnimal", "Reading", "Note");

        List<String> checked = pets.roundTripEverySubtype();
        assertThat(checked).as("every subtype the document defines, through each supertype or union").contains(
                "Pet <- Cat", "Pet <- Dog", "Animal <- Whale", "Animal <- Bat", "Animal <- Bird", "Mammal <- Whale",
                "Mammal <- Bat", "VehicleResponse <- Car", "VehicleResponse <- Bike",
                "Adoptable <- AdoptableHamster", "Adoptable <- AdoptableParrot");

        // a supertype in a field and in a list keeps the subtypes
        Object zoo = pets.mapper.readValue("""
                {"animals": [{"kind": "whale", "songs": ["la"]}, {"kind": "bird", "canFly": true}],
                 "star": {"name": "Tom", "petType": "Cat", "huntingSkill": "lazy"}}
                """, pets.type("Zoo"));
        List<?> animals = (List<?>) zoo.getClass().getMethod("animals").invoke(zoo);
        assertThat(animals).extracting(a -> a.getClass().getSimpleName()).containsExactly("Whale", "Bird");
        assertThat(zoo.getClass().getMethod("star").invoke(zoo).getClass().getSimpleName()).isEqualTo("Cat");
        // the shared properties are the supertype's own accessors
        assertThat(pets.type("Pet").getMethod("name").getReturnType()).isEqualTo(String.class);
        assertThat(pets.type("Mammal").getInterfaces()).extracting(Class::getSimpleName).containsExactly("Animal");
        // a discriminator value that names no subtype is refused, not read as some other type
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pets.mapper.readValue(
                "{\"name\": \"Rex\", \"petType\": \"Pet\"}", pets.type("Pet")))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
        // conflicting types across allOf parts: the common supertype
        assertThat(pets.type("Reading").getMethod("value").getReturnType()).isEqualTo(Object.class);
        assertThat(pets.type("Reading").getMethod("count").getReturnType()).isEqualTo(java.math.BigDecimal.class);
    }

    @Test
    void should_keep_a_swagger_2_0_discriminator_given_as_a_string() throws Exception {
        Loaded pets = generate("pets.swagger.yaml", "swagger", "com/example/swagger20discriminator", "Pet", "Cat",
                "Dog");
        assertThat(pets.roundTripEverySubtype()).containsExactly("Pet <- Cat", "Pet <- Dog");
    }

    @Test
    void should_compose_an_all_of_with_a_one_of_part_in_a_json_schema_per_branch() throws Exception {
        Loaded shapes = generate("shapes.schema.json", "json_schema", "com/example/shapes", "PlacedShape",
                "PlacedShapeCircle", "PlacedShapeSquare", "Tagged");
        assertThat(shapes.roundTripEverySubtype()).containsExactly("PlacedShape <- PlacedShapeCircle",
                "PlacedShape <- PlacedShapeSquare");
    }

    // ---- helpers ----

    private Loaded generate(String spec, String format, String packagePath, String... goldenTypes)
            throws Exception {
        String golden = "polymorphism/" + spec.substring(0, spec.lastIndexOf('.'));
        GeneratedZip project = generateAndCompile(SPECS.resolve(spec), format, golden);
        goldenModels(project, golden, packagePath, goldenTypes);
        CompiledTypes compiled = CompiledTypes.in(work.resolve("classes"));
        return new Loaded(DocumentSchemas.read(SPECS.resolve(spec)), compiled.loader(), compiled.mapper(),
                packagePath.replace('/', '.') + ".model.");
    }

    /** A generated project's compiled model, and the document it came from. */
    private record Loaded(DocumentSchemas doc, ClassLoader loader, ObjectMapper mapper, String modelPackage) {

        Class<?> type(String simpleName) throws ClassNotFoundException {
            return Class.forName(modelPackage + simpleName, true, loader);
        }

        /**
         * For every polymorphic construct of the document (a discriminated base and each ancestor of its subtypes, a
         * {@code oneOf} of named schemas, an {@code allOf} with a {@code oneOf} part), reads an instance of each
         * subtype through the supertype's class, checks the class, writes it back and compares the JSON.
         *
         * @return "Supertype <- Subtype" for each pair checked
         */
        List<String> roundTripEverySubtype() throws Exception {
            List<String> checked = new ArrayList<>();
            for (String ptr : doc.named()) {
                JsonNode s = doc.at(ptr);
                String name = simpleName(ptr);
                String property = discriminator(s);
                String inherited = inheritedDiscriminator(ptr);
                if (inherited != null && !s.has("oneOf") && !doc.children(ptr).isEmpty()) {
                    for (String leaf : leaves(ptr)) {
                        String value = valueFor(leaf);
                        check(name, doc.instance(leaf, Map.of(inherited, value)), simpleName(leaf), checked);
                    }
                } else if (s.has("oneOf")) {
                    for (JsonNode branch : s.get("oneOf")) {
                        String target = DocumentSchemas.local(branch.path("$ref").asText(null));
                        Map<String, String> fixed = property == null ? Map.of()
                                : Map.of(property, mappedValue(s, target, simpleName(target)));
                        check(name, doc.instance(target, fixed), simpleName(target), checked);
                    }
                } else if (s.has("allOf")) {
                    composition(ptr, name, checked);
                }
            }
            return checked;
        }

        private void composition(String ptr, String name, List<String> checked) throws Exception {
            JsonNode allOf = doc.at(ptr).get("allOf");
            for (int u = 0; u < allOf.size(); u++) {
                String unionPtr = DocumentSchemas.local(allOf.get(u).path("$ref").asText(null));
                JsonNode union = unionPtr == null ? allOf.get(u) : doc.at(unionPtr);
                if (!union.has("oneOf")) {
                    continue;
                }
                String property = discriminator(union);
                for (JsonNode branch : union.get("oneOf")) {
                    String target = DocumentSchemas.local(branch.path("$ref").asText(null));
                    ObjectNode instance = doc.instance(target, property == null ? Map.of()
                            : Map.of(property, mappedValue(union, target, simpleName(target))));
                    for (int i = 0; i < allOf.size(); i++) {
                        String part = DocumentSchemas.local(allOf.get(i).path("$ref").asText(null));
                        if (i != u && part != null) {
                            instance.setAll(doc.instance(part, Map.of()));
                        }
                    }
                    check(name, instance, name + simpleName(target), checked);
                }
            }
        }

        private void check(String supertype, ObjectNode instance, String expected, List<String> checked)
                throws Exception {
            Object value = mapper.treeToValue(instance, type(supertype));
            assertThat(value.getClass().getSimpleName()).as(instance + " through " + supertype)
                    .isEqualTo(expected);
            assertThat(mapper.readTree(mapper.writeValueAsString(value))).as("written back").isEqualTo(instance);
            checked.add(supertype + " <- " + expected);
        }

        /** @return the concrete (childless) subtypes below a base, in document order */
        private List<String> leaves(String ptr) {
            List<String> out = new ArrayList<>();
            for (String child : doc.children(ptr)) {
                if (doc.children(child).isEmpty()) {
                    out.add(child);
                } else {
                    out.addAll(leaves(child));
                }
            }
            return out;
        }

        /** @return the discriminator value of a subtype: from a mapping of the base or its ancestors, else its name */
        private String valueFor(String leaf) {
            for (String n : doc.named()) {
                JsonNode mapping = doc.at(n).path("discriminator").path("mapping");
                var fields = mapping.fields();
                while (fields.hasNext()) {
                    var e = fields.next();
                    String ref = e.getValue().asText();
                    String target = ref.startsWith("#") ? DocumentSchemas.local(ref) : "/components/schemas/" + ref;
                    if (leaf.equals(target)) {
                        return e.getKey();
                    }
                }
            }
            return simpleName(leaf);
        }

        private static String mappedValue(JsonNode s, String target, String fallback) {
            var fields = s.path("discriminator").path("mapping").fields();
            while (fields.hasNext()) {
                var e = fields.next();
                if (target.equals(DocumentSchemas.local(e.getValue().asText()))) {
                    return e.getKey();
                }
            }
            return fallback;
        }

        /** @return the discriminator of a named schema, else of the nearest schema it extends that has one */
        private String inheritedDiscriminator(String ptr) {
            String own = discriminator(doc.at(ptr));
            if (own != null) {
                return own;
            }
            for (JsonNode part : doc.at(ptr).path("allOf")) {
                String parent = DocumentSchemas.local(part.path("$ref").asText(null));
                String inherited = parent == null || parent.equals(ptr) ? null : inheritedDiscriminator(parent);
                if (inherited != null) {
                    return inherited;
                }
            }
            return null;
        }

        private static String discriminator(JsonNode s) {
            JsonNode d = s.get("discriminator");
            return d == null ? null : d.isTextual() ? d.asText() : d.path("propertyName").asText(null);
        }

        private static String simpleName(String ptr) {
            return ptr.substring(ptr.lastIndexOf('/') + 1);
        }
    }
}
