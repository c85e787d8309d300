package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.support.Corpus;
import dev.specforge.support.GeneratedZip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The distribution as a user gets it: {@code target/specforge-<version>.tar.gz} unpacked into a temporary folder and
 * run through {@code bin/specforge} from another working directory, with {@code user.home} pointed at an empty
 * folder. Nothing may be written outside the output and cache folders the run is given. Runs after {@code package}
 * (the pom's {@code distribution} execution in the integration-test phase); skipped with a message when the
 * tarball is absent (a test run before packaging).
 */
class DistributionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    private static Path install;
    private static Path workingDirectory;
    private static Path userHome;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            tarball = files.filter(f -> f.getFileName().toString().matches("specforge-.*\\.tar\\.gz")).findFirst()
                    .orElse(null);
        }
        assumeTrue(tarball != null, "skipped: no target/specforge-<version>.tar.gz; it is built by mvn package, "
                + "and this test runs after it in mvn verify");
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toAbsolutePath().toString(), "-C", root.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        try (Stream<Path> dirs = Files.list(root)) {
            install = dirs.filter(d -> d.getFileName().toString().startsWith("specforge-")).findFirst().orElseThrow();
        }
        workingDirectory = Files.createDirectories(root.resolve("somewhere-else"));
        userHome = Files.createDirectories(root.resolve("user-home"));
    }

    @AfterAll
    static void nothingInTheUsersHome() throws IOException {
        if (userHome != null) {
            assertThat(listing(userHome)).as("~ of the runs").isEmpty();
        }
    }

    @Test
    void should_hold_the_launcher_the_jars_the_configuration_the_stacks_and_the_examples() {
        assertThat(install.resolve("bin/specforge")).isExecutable();
        assertThat(install.resolve("lib/specforge.jar")).isRegularFile();
        assertThat(install.resolve("config/application.properties")).isRegularFile();
        assertThat(install.resolve("templates/camel-service/stack.yaml")).isRegularFile();
        assertThat(install.resolve("templates/go-service/stack.yaml")).isRegularFile();
        assertThat(install.resolve("templates/express-api/stack.yaml")).isRegularFile();
        assertThat(install.resolve("examples/orders.yaml")).isRegularFile();
        assertThat(install.resolve("README.md")).isRegularFile();
    }

    @Test
    void should_generate_an_example_from_another_working_directory_writing_only_the_output_and_the_cache()
            throws Exception {
        generates(install.resolve("examples/orders.yaml"), "orders", false);
    }

    @Test
    void should_generate_a_corpus_openapi_document_from_another_working_directory() throws Exception {
        Path spec = Corpus.file("openapi/redocly-museum.openapi.yaml").toAbsolutePath();
        generates(spec, "redocly-museum.openapi", true);
    }

    @Test
    void should_refuse_a_missing_spec_in_one_line_with_exit_code_2() throws Exception {
        Run run = run(workingDirectory, Map.of(), "generate", "no-such-spec.yaml");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr().strip().lines()).singleElement().asString()
                .isEqualTo("specforge generate: no-such-spec.yaml: no such file");
    }

    @Test
    void should_serve_with_a_home_that_overrides_only_the_port_and_its_folders() throws Exception {
        Path home = Files.createDirectories(root.resolve("a-home/config"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // key by key: only these differ from the jar's configuration; folders are relative to the home
        Files.writeString(home.resolve("application.properties"), "camel.server.host = 127.0.0.1\n"
                + "camel.server.port = " + port + "\nspecforge.inbox.dir = drop-here\n");
        Path log = root.resolve("serve.log");
        Process daemon = launcher(workingDirectory, Map.of(), "--home", home.getParent().toString(), "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200))
                    .until(() -> !daemon.isAlive() || Files.readString(log).contains(" ready: "));
            String started = Files.readString(log);
            assertThat(daemon.isAlive()).as(started).isTrue();
            assertThat(started).contains("listening on http://127.0.0.1:" + port + "/")
                    .contains("watching " + home.getParent().resolve("drop-here"));
            assertThat(started.lines().count()).as("lines up to the ready line").isLessThanOrEqualTo(20);

            HttpResponse<String> capabilities = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/")).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(capabilities.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(capabilities.body());
            assertThat(body.path("stacks").findValuesAsText("name"))
                    .contains("camel-service", "go-service", "express-api");
            assertThat(body.path("examples").findValuesAsText("name")).contains("orders.yaml");
        } finally {
            daemon.destroy();
            assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(home.getParent().resolve("drop-here")).isDirectory();
        assertThat(listing(workingDirectory)).isEmpty();
    }

    /**
     * Generates {@code spec} with {@code bin/specforge} (with {@code -v} when {@code verbose}) and checks that only
     * the output and cache folders changed.
     */
    private static void generates(Path spec, String base, boolean verbose) throws Exception {
        Path out = root.resolve("out-" + base);
        Path cache = root.resolve("cache-" + base);
        Map<String, Long> installBefore = listing(install);

        List<String> args = new ArrayList<>(List.of("generate", spec.toString(), "-o", out.toString()));
        if (verbose) {
            args.add("-v");
        }
        Run run = run(workingDirectory, Map.of("SPECFORGE_CACHE_DIR", cache.toString()), args.toArray(String[]::new));

        assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains(": ok, ").contains("Summary: 1 spec");
        if (verbose) {
            assertThat(run.stderr()).as("-v logs at INFO").contains(" INFO ");
        } else {
            assertThat(run.stderr()).as("the CLI logs only warnings and errors by default").doesNotContain(" INFO ");
        }
        Path zip = out.resolve(base + ".zip");
        assertThat(GeneratedZip.entryNames(zip)).isNotEmpty();
        assertThat(out.resolve(base + ".report.json")).isRegularFile();
        assertThat(listing(workingDirectory)).as("the working directory").isEmpty();
        assertThat(changes(installBefore, listing(install))).as("files changed in the installation folder").isEmpty();
        assertThat(listing(cache)).as("the cache was used").isNotEmpty();
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(Path cwd, Map<String, String> env, String... args) throws Exception {
        Path stdout = Files.createTempFile(root, "stdout", ".txt");
        Path stderr = Files.createTempFile(root, "stderr", ".txt");
        Process p = launcher(cwd, env, args).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("bin/specforge finished").isTrue();
        Run run = new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
        Files.delete(stdout);
        Files.delete(stderr);
        return run;
    }

    private static ProcessBuilder launcher(Path cwd, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(install.resolve("bin/specforge").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().remove("SPECFORGE_HOME");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SPECFORGE_JAVA_OPTS", "-Duser.home=" + userHome);
        pb.environment().putAll(env);
        return pb;
    }

    /** @return the paths added, removed or resized between two listings */
    private static List<String> changes(Map<String, Long> before, Map<String, Long> after) {
        java.util.TreeSet<String> paths = new java.util.TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        return paths.stream().filter(p -> !java.util.Objects.equals(before.get(p), after.get(p))).toList();
    }

    /** @return every file under {@code dir} (relative path to size); empty when the folder is missing */
    private static Map<String, Long> listing(Path dir) {
        Map<String, Long> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).forEach(f -> {
                try {
                    files.put(dir.relativize(f).toString(), Files.size(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
