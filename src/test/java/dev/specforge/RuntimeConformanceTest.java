package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.specforge.cli.SpecforgeCommand;
import dev.specforge.support.ConformanceConversation;
import dev.specforge.support.ConformanceConversation.Result;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.Toolchain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The runtime conformance suite (docs/conformance.md): for each stack, generate a project from
 * {@code src/test/resources/specs/conformance.yaml} with the real CLI, build it and run its own tests with its own
 * toolchain, start it on a free loopback port, wait for {@code /health}, hold the one scripted HTTP conversation of
 * {@link ConformanceConversation}, then stop it by its pid.
 *
 * <p>How a stack's project is built, tested and started is data: the {@code runtime} section of its
 * {@code stack.yaml} ({@code requires}: the programs that must be on the PATH, else the stack is skipped with a
 * message; {@code env}; {@code check}: commands that build the project and run its tests; {@code tests}: a regular
 * expression over their output whose matches count the passing tests (summing its first group when it has one);
 * {@code start}: the command that runs the service, with {@code PORT} set). {@code {project.name}} and
 * {@code {project.version}} in a command are replaced with the spec's.
 *
 * <p>{@code -Dconformance.stacks=go-service,express-api} runs only the stacks named (surefire passes system
 * properties on). The report, one line per check and stack, is printed and written to {@code target/conformance/report.md}.
 * Slow (a Maven build with downloads on a fresh machine), so tagged {@code slow} and {@code runtime}.
 */
@Tag("slow")
@Tag("runtime")
class RuntimeConformanceTest {

    private static final Path SPEC = Path.of("src/test/resources/specs/conformance.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The spec's entities: the generated project's own tests must count at least one per entity (C8.1). */
    private static final int ENTITIES = 4;
    /** Stack to its results, for the report. */
    private static final Map<String, List<Result>> REPORT = new LinkedHashMap<>();

    @TempDir
    static Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"camel-service", "go-service", "express-api"})
    void should_meet_the_runtime_contract(String stack) throws Exception {
        String only = System.getProperty("conformance.stacks", "");
        assumeTrue(only.isBlank() || List.of(only.split(",")).contains(stack),
                stack + " is not in -Dconformance.stacks=" + only);
        JsonNode runtime = YAML.readTree(Path.of("templates", stack, "stack.yaml").toFile()).path("runtime");
        assertThat(runtime.isObject()).as("templates/%s/stack.yaml has a runtime section", stack).isTrue();
        for (JsonNode program : runtime.path("requires")) {
            assumeTrue(Toolchain.find(program.asText()).isPresent(),
                    program.asText() + " is not on the PATH: the " + stack + " project is not built or run");
        }
        Map<String, String> env = new HashMap<>();
        runtime.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        List<Result> results = new ArrayList<>();
        REPORT.put(stack, results);

        Path out = work.resolve(stack);
        assertThat(SpecforgeCommand.execute("generate", "--stack", stack, SPEC.toString(), "-o", out.toString()))
                .as("specforge generated the conformance project").isZero();
        GeneratedZip zip = GeneratedZip.read(out.resolve("conformance.zip"));
        Path project = Toolchain.extract(zip, out.resolve(zip.root()));
        JsonNode spec = YAML.readTree(SPEC.toFile()).path("project");
        Map<String, String> values = Map.of("{project.name}", spec.path("name").asText(),
                "{project.version}", spec.path("version").asText());

        int passedTests = 0;
        StringBuilder output = new StringBuilder();
        for (JsonNode command : runtime.path("check")) {
            List<String> words = words(command, values);
            Toolchain.Result r = Toolchain.run(project, env, words, Duration.ofMinutes(10));
            output.append(r.output());
            assertThat(r.exitCode()).as("%s in the generated %s project:%n%s", String.join(" ", words), stack,
                    tail(r.output())).isZero();
        }
        Matcher m = Pattern.compile(runtime.path("tests").asText()).matcher(output);
        while (m.find()) {
            passedTests += m.groupCount() > 0 ? Integer.parseInt(m.group(1)) : 1;
        }
        results.add(new Result("C8.1", "the project's own tests pass: " + passedTests + " (at least one per entity)",
                passedTests >= ENTITIES, tail(output.toString())));

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = out.resolve("service.log");
        ProcessBuilder pb = new ProcessBuilder(words(runtime.path("start"), values)).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("PORT", String.valueOf(port));
        Process service = pb.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            try {
                await("GET /health is 200 from the " + stack + " service").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .failFast("the service exited", () -> !service.isAlive())
                        .until(() -> healthy(base));
            } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
                results.add(new Result("C1.2", "GET /health is 200 within 60 s of the start", false,
                        e.getMessage() + "\n" + tail(Files.readString(log, StandardCharsets.ISO_8859_1))));
                throw new AssertionError(stack + ": the service never became healthy: " + e.getMessage() + "\n"
                        + tail(Files.readString(log, StandardCharsets.ISO_8859_1)), e);
            }
            long startLines = lines(log);
            results.add(new Result("C1.1", "it listens on $PORT (" + port + ")", true, ""));
            results.add(new Result("C1.3", "at most 100 log lines from start to ready: " + startLines,
                    startLines <= 100, tail(Files.readString(log, StandardCharsets.ISO_8859_1))));
            ConformanceConversation conversation = new ConformanceConversation(base);
            results.addAll(conversation.run());
            long requestLines = lines(log) - startLines;
            results.add(new Result("C1.3", "at most one log line per request: " + requestLines + " lines for "
                    + conversation.requests() + " requests", requestLines <= conversation.requests(),
                    tail(Files.readString(log, StandardCharsets.ISO_8859_1))));
        } finally {
            stop(service);
        }

        List<String> failed = results.stream().filter(r -> !r.passed())
                .map(r -> r.rule() + " " + r.what() + "\n      got: " + r.detail()).toList();
        assertThat(failed).as("%s: %d of %d checks failed", stack, failed.size(), results.size()).isEmpty();
    }

    /** Prints and writes the report: every check, per stack. */
    @AfterAll
    static void report() throws IOException {
        StringBuilder b = new StringBuilder("# Runtime conformance (docs/conformance.md)\n\n");
        REPORT.forEach((stack, results) -> {
            long passed = results.stream().filter(Result::passed).count();
            b.append("## ").append(stack).append(": ").append(passed).append(" of ").append(results.size())
                    .append(" checks passed\n\n");
            for (Result r : results) {
                b.append(r.passed() ? "- pass " : "- FAIL ").append(r.rule()).append(' ').append(r.what()).append('\n');
            }
            b.append('\n');
        });
        System.out.println(b);
        Path file = Path.of("target/conformance/report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static List<String> words(JsonNode command, Map<String, String> values) {
        List<String> words = new ArrayList<>();
        for (JsonNode w : command) {
            String word = w.asText();
            for (Map.Entry<String, String> v : values.entrySet()) {
                word = word.replace(v.getKey(), v.getValue());
            }
            words.add(word);
        }
        return words;
    }

    private static boolean healthy(URI base) {
        try {
            HttpURLConnection c = (HttpURLConnection) base.resolve("/health").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static long lines(Path log) throws IOException {
        try (var s = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return s.count();
        }
    }

    /** Stops the service by its pid: SIGTERM, then SIGKILL after 15 s; its children too. */
    private static void stop(Process service) throws InterruptedException {
        ProcessHandle handle = ProcessHandle.of(service.pid()).orElse(null);
        if (handle == null) {
            return;
        }
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroy();
        if (!service.waitFor(15, TimeUnit.SECONDS)) {
            handle.destroyForcibly();
            service.waitFor(5, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(String text) {
        return text.length() > 3000 ? "..." + text.substring(text.length() - 3000) : text;
    }
}
