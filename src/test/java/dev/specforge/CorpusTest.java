package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.Corpus;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.JavaCompilation;
import dev.specforge.support.SpecforgeProcess;
import dev.specforge.support.SpecforgeTestSupport;
import dev.specforge.support.Zips;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real third-party spec in ../shared/corpus (OpenAPI documents, SchemaStore JSON Schemas, and the DigitalOcean
 * tree zipped up here as one multi-file drop) goes through the inbox of the real Camel Main. At least 95% must give
 * a zip whose Java compiles (each project compiled once, in-process); every other one must be in the dead letter
 * with a reason a person can act on. Prints one table row per spec. Skipped when the corpus is absent.
 */
class CorpusTest extends SpecforgeTestSupport {

    private static final double REQUIRED_SHARE = 0.95;

    /** Messages of internal failures, which are not reasons a spec author can act on. */
    private static final List<String> INTERNAL = List.of("Cannot invoke", "NullPointer", "ClassCast", "IndexOutOfBounds",
            "IllegalState", "because \"", "is null");

    record Row(String spec, String outcome, int files, int warnings, long generateMs, long compileMs, String detail) {
    }

    @Test
    void should_turn_at_least_95_percent_of_the_real_corpus_into_compiling_projects_and_refuse_the_rest_clearly()
            throws Exception {
        Path root = Corpus.dir();
        List<Path> specs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("openapi"))) {
            files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("digitalocean-multifile"))
                    .filter(CorpusTest::isSpecFile).sorted().forEach(specs::add);
        }
        try (Stream<Path> files = Files.walk(root.resolve("jsonschema"))) {
            files.filter(Files::isRegularFile).filter(CorpusTest::isSpecFile).sorted().forEach(specs::add);
        }
        Path multi = root.resolve("openapi/digitalocean-multifile");
        Path staging = Files.createDirectories(work.resolve("staging"));
        List<String> names = new ArrayList<>();
        for (Path spec : specs) {
            String name = spec.getFileName().toString();
            Files.copy(spec, staging.resolve(name));
            names.add(name);
        }
        if (Files.isDirectory(multi)) {
            Zips.tree(multi, staging.resolve("digitalocean.zip"));
            names.add("digitalocean.zip");
        }
        assertThat(names).as("corpus specs").hasSizeGreaterThan(20);

        NotifyBuilder done = new NotifyBuilder(context).fromRoute("inbox").wereSentTo("direct:generate")
                .whenDone(names.size()).create();
        for (String name : names) {
            SpecforgeProcess.drop(inbox, name, Files.readAllBytes(staging.resolve(name)));
        }
        assertThat(done.matches(15, TimeUnit.MINUTES)).as("the inbox finished every corpus spec").isTrue();

        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(outcome(name));
        }
        print(rows);

        long compiled = rows.stream().filter(r -> r.outcome.equals("compiles")).count();
        assertThat(rows).as("a spec that generated but does not compile")
                .noneMatch(r -> r.outcome.equals("compile-errors"));
        assertThat(rows).as("every spec has exactly one outcome").noneMatch(r -> r.outcome.equals("missing"));
        for (Row r : rows) {
            if (r.outcome.equals("dead-letter")) {
                assertThat(r.detail).as("reason for " + r.spec).isNotBlank();
                assertThat(INTERNAL).as("reason for " + r.spec + " is not an internal error: " + r.detail)
                        .noneMatch(r.detail::contains);
            }
        }
        assertThat((double) compiled / rows.size()).as(compiled + " of " + rows.size() + " compile")
                .isGreaterThanOrEqualTo(REQUIRED_SHARE);
    }

    private Row outcome(String name) throws IOException {
        String base = name.substring(0, name.lastIndexOf('.'));
        Path zip = outbox.resolve(base + ".zip");
        Path report = outbox.resolve(base + ".report.json");
        Path error = deadLetter.resolve(name + ".error.json");
        if (Files.exists(error)) {
            JsonNode e = readJson(error);
            assertThat(Files.exists(zip)).as(name + " has one outcome, not a zip and a dead letter").isFalse();
            assertThat(deadLetter.resolve(name)).as("the original of " + name + " is kept in the dead letter")
                    .exists();
            String where = e.path("location").asText("");
            return new Row(name, "dead-letter", 0, 0, 0, 0,
                    (where.isEmpty() ? "" : where + ": ") + e.path("message").asText());
        }
        if (!Files.exists(zip)) {
            return new Row(name, "missing", 0, 0, 0, 0, "neither a zip nor a dead letter");
        }
        JsonNode r = readJson(report);
        GeneratedZip project = GeneratedZip.read(zip);
        Path classes = Files.createDirectories(work.resolve("classes").resolve(base));
        long start = System.nanoTime();
        List<String> errors = JavaCompilation.errors(project.javaSources(), classes);
        long compileMs = (System.nanoTime() - start) / 1_000_000;
        deleteTree(classes);
        return new Row(name, errors.isEmpty() ? "compiles" : "compile-errors", r.path("files").size(),
                r.path("warnings").size(), r.path("durationMs").asLong(), compileMs,
                errors.isEmpty() ? "" : errors.size() + " errors, first: " + errors.get(0));
    }

    private static void print(List<Row> rows) {
        StringBuilder out = new StringBuilder("\nCorpus: spec | outcome | files | warnings | generate ms | compile ms\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-48s %-15s %6d %6d %8d %8d%s%n", r.spec, r.outcome, r.files,
                    r.warnings, r.generateMs, r.compileMs, r.detail.isEmpty() ? "" : "  " + abbreviate(r.detail)));
        }
        long compiled = rows.stream().filter(r -> r.outcome.equals("compiles")).count();
        out.append(String.format(Locale.ROOT, "%d of %d compile (%.1f%%)%n", compiled, rows.size(),
                100.0 * compiled / rows.size()));
        System.out.println(out);
    }

    private static String abbreviate(String s) {
        return s.length() > 240 ? s.substring(0, 237) + "..." : s;
    }

    private static boolean isSpecFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
