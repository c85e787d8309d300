package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.pipeline.EsbHeaders;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.Http;
import dev.specforge.support.SpecforgeTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The specs in {@code examples/} (what the README's quick start and the distribution offer a new user): each one
 * generates with every installed stack, without a mapping warning, and nothing of template syntax or escaping shows
 * in the comments of what it generates. The comment check is shown to catch the escaping fixture
 * {@code src/test/resources/specs/orders.yaml}, the spec the examples replace in the quick start.
 */
class ExamplesTest extends SpecforgeTestSupport {

    private static final Path EXAMPLES = Path.of("examples");

    /**
     * Text in a comment that would look like a templating bug: template syntax, or the escaped forms of it and of a
     * comment's end. A bare {@code * /} is fine in a line comment ({@code "*}{@code /*"} media types) and cannot be in
     * a block comment (it ends there; a spec's {@code * /} comes out escaped, {@code *&#47;}).
     */
    private static final List<String> SUSPECT = List.of("${", "<#", "*&#47;", "&lt;#", "&#36;{");

    /** Not a mapping loss: JavaScript could not be syntax-checked because node is not installed. */
    private static final String NO_NODE = "JavaScript files were not syntax-checked";

    @Test
    void should_generate_every_example_with_every_stack_cleanly() throws Exception {
        List<Path> examples;
        try (var files = Files.list(EXAMPLES)) {
            examples = files.filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList();
        }
        assertThat(examples).as("examples").hasSizeGreaterThanOrEqualTo(2);
        List<String> stacks = stacks();
        assertThat(stacks).as("installed stacks").contains("camel-service", "go-service", "express-api");

        for (Path example : examples) {
            for (String stack : stacks) {
                String what = example.getFileName() + " with " + stack;
                Generated run = generate(example, stack);
                assertThat(run.report().path("status").asText()).as(what).isEqualTo("ok");
                assertThat(run.report().path("stack").asText()).as(what).isEqualTo(stack);
                List<String> warnings = new ArrayList<>();
                run.report().path("warnings").forEach(w -> warnings.add(w.asText()));
                assertThat(warnings).as(what + ": mapping warnings").allMatch(w -> w.contains(NO_NODE));
                List<String> invalid = new ArrayList<>();
                run.report().path("files").forEach(f -> {
                    if (!f.path("valid").asBoolean()) {
                        invalid.add(f.path("path").asText());
                    }
                });
                assertThat(invalid).as(what + ": invalid files").isEmpty();
                assertThat(run.project().files()).as(what).isNotEmpty();
                assertThat(suspectComments(run.project())).as(what + ": template text in comments").isEmpty();
            }
        }
    }

    @Test
    void should_find_the_escaping_fixtures_template_text_in_generated_comments() throws Exception {
        Generated run = generate(Path.of("src/test/resources/specs/orders.yaml"), "camel-service");

        assertThat(suspectComments(run.project()))
                .anySatisfy(s -> assertThat(s).contains("model/Customer.java").contains("${user.home}"))
                .anySatisfy(s -> assertThat(s).contains("*&#47; ends no comment"));
    }

    /** @return the names of the installed stacks, as the HTTP API lists them */
    private List<String> stacks() throws Exception {
        List<String> names = new ArrayList<>();
        Http.json(http().get("/api/stacks")).forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    /** A generation's report and project. */
    private record Generated(JsonNode report, GeneratedZip project) {
    }

    /** Generates a spec file with a stack through {@code direct:generate}, as the CLI does (a File body). */
    private Generated generate(Path spec, String stack) throws IOException {
        String name = spec.getFileName().toString();
        Exchange result = template.send("direct:generate", ex -> {
            ex.getMessage().setBody(spec.toFile());
            ex.getMessage().setHeader(EsbHeaders.HEADER_SPEC_NAME, name);
            ex.getMessage().setHeader(EsbHeaders.HEADER_STACK, stack);
        });
        assertThat(result.getException()).as(name + " with " + stack).isNull();
        File zip = result.getMessage().getBody(File.class);
        String base = name.substring(0, name.lastIndexOf('.'));
        return new Generated(readJson(outbox.resolve(base + ".report.json")), GeneratedZip.read(zip.toPath()));
    }

    /**
     * @param project a generated project
     * @return {@code path: comment} for every comment of the project that holds {@link #SUSPECT} text
     */
    private static List<String> suspectComments(GeneratedZip project) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> file : project.files().entrySet()) {
            for (String comment : Comments.of(file.getKey(), file.getValue())) {
                if (SUSPECT.stream().anyMatch(comment::contains)) {
                    found.add(file.getKey() + ": " + comment.strip());
                }
            }
        }
        return found;
    }

    /**
     * The comments of a generated file, by its kind: {@code //} and block comments in Java, Go and JavaScript (string,
     * character, template and regular-expression literals skipped), {@code #} comments in YAML, properties, shell,
     * Dockerfiles and ignore files, {@code <!-- -->} in XML, HTML and Markdown. A block comment is its text up to the
     * first close, so a comment that a spec's {@code * /} had closed early shows as the rest of the line.
     */
    private static final class Comments {

        private static final Pattern MARKUP = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);

        static List<String> of(String path, String text) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.matches(".*\\.(java|go|js|mjs|cjs|ts)")) {
                return clike(text, name.endsWith("js") || name.endsWith(".ts"));
            }
            if (name.matches(".*\\.(xml|html|md)")) {
                List<String> out = new ArrayList<>();
                Matcher m = MARKUP.matcher(text);
                while (m.find()) {
                    out.add(m.group(1));
                }
                return out;
            }
            if (name.matches(".*\\.(ya?ml|properties|sh|toml|conf|env)|Dockerfile|Makefile|\\..*ignore")) {
                return hashComments(text);
            }
            return List.of();
        }

        /** {@code #} from the start of a line, or after a space outside quotes, to the end of the line. */
        private static List<String> hashComments(String text) {
            List<String> out = new ArrayList<>();
            for (String line : text.split("\n")) {
                char quote = 0;
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (quote != 0) {
                        quote = c == quote ? 0 : quote;
                    } else if (c == '"' || c == '\'') {
                        quote = c;
                    } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                        out.add(line.substring(i + 1));
                        break;
                    }
                }
            }
            return out;
        }

        private static List<String> clike(String s, boolean javascript) {
            List<String> out = new ArrayList<>();
            int i = 0;
            char previous = '\n';
            while (i < s.length()) {
                char c = s.charAt(i);
                char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
                if (c == '/' && next == '/') {
                    int end = s.indexOf('\n', i);
                    end = end < 0 ? s.length() : end;
                    out.add(s.substring(i + 2, end));
                    i = end;
                } else if (c == '/' && next == '*') {
                    int end = s.indexOf("*/", i + 2);
                    end = end < 0 ? s.length() : end;
                    out.add(s.substring(i + 2, end));
                    i = end + 2;
                } else if (s.startsWith("\"\"\"", i)) {
                    int end = s.indexOf("\"\"\"", i + 3);
                    i = end < 0 ? s.length() : end + 3;
                } else if (c == '"' || c == '\'' || c == '`'
                        || (javascript && c == '/' && "(,=:[!&|?{};\n".indexOf(previous) >= 0)) {
                    i = endOfLiteral(s, i, c);
                } else {
                    i++;
                }
                if (i > 0 && i <= s.length() && !Character.isWhitespace(s.charAt(i - 1))) {
                    previous = s.charAt(i - 1);
                } else if (i > 0 && i <= s.length() && s.charAt(i - 1) == '\n') {
                    previous = '\n';
                }
            }
            return out;
        }

        /** @return the index after the literal that opens with {@code quote} at {@code start} */
        private static int endOfLiteral(String s, int start, char quote) {
            int i = start + 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else if (c == '\n' && quote != '`') {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return s.length();
        }
    }
}
