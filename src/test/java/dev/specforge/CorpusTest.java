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

import dev.specforge.render.Escapes;
import dev.specforge.spec.SpecDefaults;
import dev.specforge.spec.SpecReader;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real third-party spec in ../shared/corpus (OpenAPI documents, SchemaStore JSON Schemas, and the DigitalOcean
 * tree zipped up here as one multi-file drop) goes through the inbox of the real Camel Main. At least 95% must give
 * a zip whose Java compiles (each project compiled once, in-process); every other one must be in the dead letter
 * with a reason a person can act on. No generated Java source may enforce a constraint its document does not state
 * (issue 19: the field-validators suggestions are documented, never enforced, for OpenAPI and JSON Schema input):
 * every Bean Validation constraint annotation must be derivable from the document ({@link #unstated}). Prints one
 * table row per spec. Skipped when the corpus is absent.
 */
class CorpusTest extends SpecforgeTestSupport {

    private static final double REQUIRED_SHARE = 0.95;

    /** Messages of internal failures, which are not reasons a spec author can act on. */
    private static final List<String> INTERNAL = List.of("Cannot invoke", "NullPointer", "ClassCast", "IndexOutOfBounds",
            "IllegalState", "because \"", "is null");

    record Row(String spec, String outcome, int files, int warnings, long generateMs, long compileMs, String detail,
               List<String> unstated) {
    }

    /**
     * What a document states that an annotation may enforce.
     *
     * @param sizes    every {@code minLength}, {@code maxLength}, {@code minItems} and {@code maxItems} value, as plain
     *                 decimal text
     * @param bounds   every {@code minimum}, {@code maximum}, {@code exclusiveMinimum} and {@code exclusiveMaximum}
     *                 number, as plain decimal text without trailing zeros
     * @param patterns every {@code pattern}, escaped as in a Java string literal (as the generator writes it)
     * @param email    whether any schema has {@code format: email}
     */
    record Stated(Set<String> sizes, Set<String> bounds, Set<String> patterns, boolean email) {
    }

    /** How a generated Bean Validation constraint annotation starts; its simple name and arguments follow. */
    private static final String ANNOTATION = "@jakarta.validation.constraints.";

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
            List<Path> documents = name.equals("digitalocean.zip") ? documents(multi) : List.of(staging.resolve(name));
            rows.add(outcome(name, documents));
        }
        print(rows);
        assertThat(rows.stream().flatMap(r -> r.unstated.stream()).toList())
                .as("constraints enforced by generated Java that the document does not state")
                .isEmpty();

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

    private Row outcome(String name, List<Path> documents) throws IOException {
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
                    (where.isEmpty() ? "" : where + ": ") + e.path("message").asText(), List.of());
        }
        if (!Files.exists(zip)) {
            return new Row(name, "missing", 0, 0, 0, 0, "neither a zip nor a dead letter", List.of());
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
                errors.isEmpty() ? "" : errors.size() + " errors, first: " + errors.get(0),
                unstated(name, project, stated(documents)));
    }

    /** @return the spec files of a multi-file tree */
    private static List<Path> documents(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile).filter(CorpusTest::isSpecFile).sorted().toList();
        }
    }

    /** @return every constraint value the documents state, anywhere in them (a deliberately generous reading) */
    private static Stated stated(List<Path> documents) throws IOException {
        SpecReader reader = new SpecReader(SpecDefaults.STANDARD);
        Set<String> sizes = new HashSet<>();
        Set<String> bounds = new HashSet<>();
        Set<String> patterns = new HashSet<>();
        boolean[] email = {false};
        for (Path document : documents) {
            java.util.ArrayDeque<JsonNode> todo = new java.util.ArrayDeque<>();
            todo.push(reader.tree(Files.readAllBytes(document)));
            while (!todo.isEmpty()) {
                JsonNode n = todo.pop();
                n.forEach(todo::push);
                if (!n.isObject()) {
                    continue;
                }
                n.fields().forEachRemaining(f -> {
                    JsonNode v = f.getValue();
                    switch (f.getKey()) {
                        case "minLength", "maxLength", "minItems", "maxItems" -> {
                            if (v.isNumber()) {
                                sizes.add(plain(v.decimalValue()));
                            }
                        }
                        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
                            if (v.isNumber()) {
                                bounds.add(plain(v.decimalValue()));
                            }
                        }
                        case "pattern" -> {
                            if (v.isTextual()) {
                                patterns.add(Escapes.javaStringBody(v.textValue()));
                            }
                        }
                        case "format" -> email[0] |= "email".equals(v.textValue());
                        default -> {
                        }
                    }
                });
            }
        }
        return new Stated(sizes, bounds, patterns, email[0]);
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /**
     * @return one line per Bean Validation constraint annotation in the project's Java sources that the document does
     *         not state: {@code @NotNull} comes from {@code required}; {@code @Size}, {@code @Min}, {@code @Max},
     *         {@code @DecimalMin}, {@code @DecimalMax} and {@code @Pattern} must carry values the document has;
     *         {@code @Email} needs a {@code format: email}; any other ({@code @NotBlank}, {@code @Positive},
     *         {@code @PositiveOrZero}, {@code @Past}, {@code @PastOrPresent}, {@code @Future}...) no OpenAPI or JSON
     *         Schema document can state
     */
    static List<String> unstated(String spec, GeneratedZip project, Stated stated) {
        List<String> out = new ArrayList<>();
        project.files().forEach((path, text) -> {
            if (!path.endsWith(".java")) {
                return;
            }
            for (int at = text.indexOf(ANNOTATION); at >= 0; at = text.indexOf(ANNOTATION, at + 1)) {
                int end = at + ANNOTATION.length();
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                String simpleName = text.substring(at + ANNOTATION.length(), end);
                String args = "";
                if (end < text.length() && text.charAt(end) == '(') {
                    int close = closingParenthesis(text, end);
                    args = text.substring(end + 1, close);
                    end = close + 1;
                }
                boolean ok = switch (simpleName) {
                    case "NotNull" -> true;
                    case "Size" -> numbers(args, "(?:min|max) = (\\d+)").stream().allMatch(stated.sizes::contains);
                    case "Min", "Max" -> numbers(args, "(-?\\d+)L").stream().allMatch(stated.bounds::contains);
                    case "DecimalMin", "DecimalMax" -> numbers(args, "\"([^\"]+)\"").stream()
                            .allMatch(stated.bounds::contains);
                    case "Pattern" -> args.startsWith("regexp = \"") && args.endsWith("\"")
                            && stated.patterns.contains(args.substring("regexp = \"".length(), args.length() - 1));
                    case "Email" -> stated.email;
                    default -> false;
                };
                if (!ok) {
                    out.add(spec + ": " + path + ": " + text.substring(at, end) + " (not stated by the document)");
                }
            }
        });
        return out;
    }

    /** @return the index of the parenthesis closing the one at {@code open}, skipping string literals */
    private static int closingParenthesis(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unclosed annotation at " + open);
    }

    /** @return the numbers the regular expression's first group finds in the arguments, as plain decimal text */
    private static List<String> numbers(String args, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(args);
        while (m.find()) {
            found.add(plain(new BigDecimal(m.group(1))));
        }
        return found;
    }

    private static void print(List<Row> rows) {
        StringBuilder out = new StringBuilder("\nCorpus: spec | outcome | files | warnings | generate ms | compile ms\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-48s %-15s %6d %6d %8d %8d%s%s%n", r.spec, r.outcome, r.files,
                    r.warnings, r.generateMs, r.compileMs, r.detail.isEmpty() ? "" : "  " + abbreviate(r.detail),
                    r.unstated.isEmpty() ? "" : "  " + r.unstated.size() + " unstated constraints, first: "
                            + abbreviate(r.unstated.get(0))));
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
