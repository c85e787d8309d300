package dev.specforge.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds, tests and runs a generated project the way its stack says: the {@code runtime} section of
 * {@code templates/<stack>/stack.yaml} ({@code requires}: programs that must be on the PATH, else the test is
 * skipped with a message; {@code env}; {@code check}: commands that build the project and run its own tests;
 * {@code tests}: a regular expression over their output whose matches count the passing tests; {@code start}: the
 * command that runs the service, with {@code PORT} set). {@code {project.name}} and {@code {project.version}} in a
 * command are replaced with the project's.
 */
public final class GeneratedService implements AutoCloseable {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Process process;
    private final URI base;
    private final Path log;

    private GeneratedService(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * The runtime section of a stack, after skipping the test when the stack is not among
     * {@code -Dconformance.stacks=a,b} (when that is set) or a program it requires is missing.
     *
     * @param stack the stack name
     * @return the {@code runtime} node of its stack.yaml
     * @throws IOException when stack.yaml cannot be read
     */
    public static JsonNode runtime(String stack) throws IOException {
        String only = System.getProperty("conformance.stacks", "");
        assumeTrue(only.isBlank() || List.of(only.split(",")).contains(stack),
                stack + " is not in -Dconformance.stacks=" + only);
        JsonNode runtime = YAML.readTree(Path.of("templates", stack, "stack.yaml").toFile()).path("runtime");
        if (!runtime.isObject()) {
            throw new AssertionError("templates/" + stack + "/stack.yaml has no runtime section");
        }
        for (JsonNode program : runtime.path("requires")) {
            assumeTrue(Toolchain.find(program.asText()).isPresent(),
                    program.asText() + " is not on the PATH: the " + stack + " project is not built or run");
        }
        return runtime;
    }

    /** @return the runtime's {@code env} as a map */
    public static Map<String, String> env(JsonNode runtime) {
        Map<String, String> env = new HashMap<>();
        runtime.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /**
     * The output of the stack's check commands (build and the project's own tests), and how many tests passed.
     *
     * @param output      everything the commands printed
     * @param passedTests the sum over the {@code tests} expression's matches
     */
    public record Check(String output, int passedTests) {
    }

    /**
     * Runs the stack's check commands in the project, failing on the first non-zero exit with its output's tail.
     *
     * @param runtime the stack's runtime section
     * @param project the extracted project folder
     * @param values  placeholders to replace in commands ({@code {project.name}} etc.)
     * @param what    names the project in failure messages
     * @return the output and the number of passing tests
     * @throws Exception when a command cannot be run
     */
    public static Check check(JsonNode runtime, Path project, Map<String, String> values, String what)
            throws Exception {
        assertNoHiddenCharacters(project, what);
        StringBuilder output = new StringBuilder();
        for (JsonNode command : runtime.path("check")) {
            List<String> words = words(command, values);
            Toolchain.Result r = Toolchain.run(project, env(runtime), words, Duration.ofMinutes(10));
            output.append(r.output());
            if (r.exitCode() != 0) {
                throw new AssertionError(String.join(" ", words) + " failed in " + what + ":\n" + tail(r.output()));
            }
        }
        int passed = 0;
        Matcher m = Pattern.compile(runtime.path("tests").asText()).matcher(output);
        while (m.find()) {
            passed += m.groupCount() > 0 ? Integer.parseInt(m.group(1)) : 1;
        }
        return new Check(output.toString(), passed);
    }

    /**
     * @param path a file's path, for the messages
     * @param text its text
     * @return {@code path: U+XXXX} for each distinct hidden character in the text
     *         ({@link dev.specforge.io.InvisibleCharacters#hidden})
     */
    public static java.util.List<String> hiddenCharacters(String path, String text) {
        return text.codePoints().filter(dev.specforge.io.InvisibleCharacters::hidden).distinct()
                .mapToObj(cp -> path + ": U+" + String.format("%04X", cp)).toList();
    }

    /**
     * Every file of a generated project, before any tool runs in it, is free of characters a reader cannot see
     * (Unicode Cf, Cc other than tab, LF and CR, Zl, Zp: {@link dev.specforge.io.InvisibleCharacters#hidden}), so a
     * new template cannot bring them back (issue 23, Trojan Source). Files that are not UTF-8 are skipped.
     *
     * @param project the extracted project folder
     * @param what    names the project in failure messages
     * @throws java.io.IOException when a file cannot be read
     */
    public static void assertNoHiddenCharacters(Path project, String what) throws java.io.IOException {
        java.util.List<String> found = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(project)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String text;
                try {
                    text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(f))).toString();
                } catch (java.nio.charset.CharacterCodingException binary) {
                    continue;
                }
                found.addAll(hiddenCharacters(project.relativize(f).toString(), text));
            }
        }
        if (!found.isEmpty()) {
            throw new AssertionError("hidden characters in " + what + ": " + found);
        }
    }

    /**
     * Starts the service on a free loopback port and waits (up to 60 s) until {@code GET /health} answers 200.
     *
     * @param runtime the stack's runtime section
     * @param project the built project folder
     * @param values  placeholders to replace in the start command
     * @param log     where the service's output goes
     * @return the running service; close it to stop it
     * @throws Exception when it cannot be started or never becomes healthy (with the log's tail)
     */
    public static GeneratedService start(JsonNode runtime, Path project, Map<String, String> values, Path log)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(words(runtime.path("start"), values)).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env(runtime));
        pb.environment().put("PORT", String.valueOf(port));
        GeneratedService service = new GeneratedService(pb.start(), URI.create("http://127.0.0.1:" + port), log);
        try {
            await("GET /health is 200").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .failFast("the service exited", () -> !service.process.isAlive())
                    .until(service::healthy);
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            service.close();
            throw new ServiceNotReady(e.getMessage() + "\n" + service.logTail(), e);
        }
        return service;
    }

    /** The service did not become healthy; the message ends with its log's tail. */
    public static final class ServiceNotReady extends Exception {
        ServiceNotReady(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI base() {
        return base;
    }

    /** @return the number of lines the service has logged so far */
    public long logLines() throws IOException {
        try (var s = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return s.count();
        }
    }

    /** @return the last 3,000 characters of the service's log */
    public String logTail() throws IOException {
        return tail(Files.readString(log, StandardCharsets.ISO_8859_1));
    }

    private boolean healthy() {
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

    /** Stops the service by its pid: SIGTERM, then SIGKILL after 15 s; its children too. */
    @Override
    public void close() throws InterruptedException {
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
        if (handle == null) {
            return;
        }
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            handle.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
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

    /** @return the last 3,000 characters of a text */
    public static String tail(String text) {
        return text.length() > 3000 ? "..." + text.substring(text.length() - 3000) : text;
    }
}
