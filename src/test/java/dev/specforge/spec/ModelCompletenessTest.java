package dev.specforge.spec;

import dev.specforge.support.Corpus;
import dev.specforge.support.DocumentSchemas;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: nothing a document defines is lost without a warning. For every named schema of a document
 * ({@code components.schemas}, {@code definitions}, {@code $defs}), the properties it has after {@code allOf}
 * composition, read from the document itself by {@link DocumentSchemas}, are compared with the fields of the type made
 * from it: an object's fields, a supertype's shared fields, or each branch of an {@code allOf} composition. A property
 * missing from the type must be explained by a warning at the schema's pointer or naming the property's pointer.
 * Runs over our own fixtures of every input class and, when present, the third-party corpus.
 */
class ModelCompletenessTest {

    private static final Path SPECS = Path.of("src/test/resources/specs");

    private final SpecReader reader = new SpecReader(SpecDefaults.STANDARD);

    @Test
    void should_keep_every_property_of_our_fixtures_or_warn() throws IOException {
        List<Path> fixtures = documents(SPECS);
        assertThat(fixtures).as("fixtures of every class").hasSizeGreaterThan(15);
        List<String> losses = new ArrayList<>();
        int checked = 0;
        for (Path f : fixtures) {
            checked += check(f, losses);
        }
        assertThat(checked).as("named schemas compared").isGreaterThan(50);
        assertThat(losses).as("properties lost without a warning").isEmpty();
    }

    @Test
    void should_keep_every_property_of_the_real_corpus_or_warn() throws IOException {
        Path corpus = Corpus.dir();
        List<String> losses = new ArrayList<>();
        int checked = 0;
        for (Path f : documents(corpus)) {
            checked += check(f, losses);
        }
        assertThat(checked).as("named schemas compared").isGreaterThan(500);
        assertThat(losses).as("properties lost without a warning").isEmpty();
    }

    /** @return how many named schemas were compared; adds each unexplained loss to {@code losses} */
    private int check(Path file, List<String> losses) throws IOException {
        ProjectModel model;
        try {
            model = reader.read(Files.readAllBytes(file), file.getFileName().toString());
        } catch (SpecException e) {
            return 0; // refused documents are the dead letter's business (DeadLetterTest, CorpusTest)
        }
        if (model.format() == SpecFormat.NATIVE) {
            return 0;
        }
        DocumentSchemas doc = DocumentSchemas.read(file);
        Map<String, Entity> bySource = model.entities().stream()
                .collect(Collectors.toMap(Entity::sourceName, Function.identity(), (a, b) -> a));
        Map<String, Entity> byName = model.entities().stream()
                .collect(Collectors.toMap(Entity::name, Function.identity()));
        int compared = 0;
        for (String ptr : doc.named()) {
            Set<String> expected = doc.properties(ptr).keySet();
            Entity e = bySource.get(key(aliased(doc, ptr)));
            if (expected.isEmpty() || e != null && e.kind() == Entity.Kind.ENUM) {
                continue;
            }
            compared++;
            List<Entity> holders = e == null ? List.of() : e.kind() == Entity.Kind.UNION && e.fields().isEmpty()
                    ? e.permits().stream().map(byName::get).filter(java.util.Objects::nonNull).toList() : List.of(e);
            for (String property : expected) {
                boolean kept = !holders.isEmpty() && holders.stream().allMatch(h -> h.fields().stream()
                        .anyMatch(f -> f.jsonName().equals(property)));
                if (!kept && !warned(model.warnings(), ptr, property)) {
                    losses.add(file + " #" + ptr + ": property '" + property + "' is not in "
                            + Optional.ofNullable(e).map(Entity::name).orElse("any type") + " and no warning says so");
                }
            }
        }
        return compared;
    }

    /** @return for a named schema that is only a {@code $ref} to another (an alias), the schema it finally names */
    private static String aliased(DocumentSchemas doc, String ptr) {
        Set<String> seen = new java.util.HashSet<>();
        String at = ptr;
        while (seen.add(at) && doc.at(at).size() == countAliasKeys(doc.at(at))) {
            String target = DocumentSchemas.local(doc.at(at).path("$ref").asText(null));
            if (target == null) {
                break;
            }
            at = target;
        }
        return at;
    }

    /** @return how many keys of a schema a pure alias may have: its {@code $ref} and annotations only */
    private static int countAliasKeys(com.fasterxml.jackson.databind.JsonNode s) {
        if (!s.has("$ref")) {
            return -1;
        }
        int n = 0;
        for (var names = s.fieldNames(); names.hasNext(); ) {
            String k = names.next();
            if (k.equals("$ref") || k.equals("description") || k.equals("title") || k.startsWith("_")
                    || k.startsWith("x-") || k.equals("$comment") || k.equals("deprecated")) {
                n++;
            }
        }
        return n;
    }

    private static String key(String ptr) {
        return ptr.substring(ptr.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static boolean warned(List<String> warnings, String ptr, String property) {
        String escaped = property.replace("~", "~0").replace("/", "~1");
        return warnings.stream().anyMatch(w -> w.contains(" at #" + ptr) || w.contains("/properties/" + escaped));
    }

    private static List<Path> documents(Path dir) throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(json|ya?ml)$"))
                    .filter(p -> !p.toString().contains("multifile") && !p.toString().contains("schema-set"))
                    .sorted().forEach(out::add);
        }
        return List.copyOf(out);
    }
}
