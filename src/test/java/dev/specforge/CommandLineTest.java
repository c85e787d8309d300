package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specforge.cli.SpecforgeCommand;
import dev.specforge.support.Corpus;
import dev.specforge.support.GeneratedZip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-shot CLI: {@code specforge generate SPEC... -o DIR}. */
class CommandLineTest {

    @TempDir
    Path out;

    @Test
    void should_generate_petstore_from_the_command_line_and_exit_0() throws Exception {
        Path petstore = Corpus.file("openapi/swagger-petstore-v3.openapi.yaml");

        int exit = SpecforgeCommand.execute("generate", petstore.toString(), "-o", out.toString());

        assertThat(exit).isZero();
        assertThat(out.resolve("swagger-petstore-v3.openapi.zip")).exists();
        assertThat(out.resolve("swagger-petstore-v3.openapi.report.json")).exists();
    }

    @Test
    void should_generate_several_specs_and_exit_1_when_one_is_bad() throws Exception {
        int exit = SpecforgeCommand.execute("generate", "src/test/resources/specs/orders.yaml",
                "src/test/resources/specs/bad-schema.yaml", "-o", out.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.resolve("orders.zip")).exists();
        assertThat(out.resolve("bad-schema.zip")).doesNotExist();
        assertThat(out.resolve("failed/bad-schema.yaml.error.json")).exists();
    }

    @Test
    void should_print_the_dry_run_plan_and_estimate_without_calling_the_llm_or_writing_a_zip() throws Exception {
        // an LLM provider at a closed port: the dry run must not call it
        System.setProperty("specforge.llm.provider", "openai");
        System.setProperty("specforge.llm.base-url", "http://127.0.0.1:9/v1");
        System.setProperty("specforge.cache.dir", out.resolve("cache").toString());
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
            exit = SpecforgeCommand.execute("generate", "--dry-run", "src/test/resources/specs/orders.yaml",
                    "-o", out.toString());
        } finally {
            System.setOut(stdout);
            System.clearProperty("specforge.llm.provider");
            System.clearProperty("specforge.llm.base-url");
            System.clearProperty("specforge.cache.dir");
        }

        assertThat(exit).isZero();
        String text = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode plan = new ObjectMapper().readTree(text.substring(text.indexOf('{')));
        assertThat(plan.path("project").asText()).isEqualTo("orders-service");
        assertThat(plan.path("files")).hasSize(plan.path("fileCount").asInt()).hasSizeGreaterThan(10);
        JsonNode llm = plan.path("llm");
        assertThat(llm.path("provider").asText()).isEqualTo("openai");
        // 13 fields, 1 undescribed enum, 2 records: 13 field-validators, 1 entity-docs, 2 sample-data items
        assertThat(llm.path("items").asInt()).isEqualTo(16);
        assertThat(llm.path("calls").asInt()).isEqualTo(3);
        assertThat(llm.path("inputTokens").asLong()).isPositive();
        assertThat(llm.path("costUsd").asDouble()).isPositive();
        assertThat(llm.path("durationMs").asLong()).isPositive();
        assertThat(out.resolve("orders.zip")).doesNotExist();
        assertThat(out.resolve("cache")).doesNotExist();
    }

    @Test
    void should_exit_0_for_a_native_spec_alone() throws Exception {
        assertThat(SpecforgeCommand.execute("generate", "src/test/resources/specs/orders.yaml", "-o", out.toString()))
                .isZero();
        assertThat(GeneratedZip.read(out.resolve("orders.zip")).root()).isEqualTo("orders-service");
    }

    @Test
    void should_take_settings_from_environment_variables_and_system_properties() throws Exception {
        Path log = out.resolve("cli.log");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dspecforge.project.default-group=org.sysprop",
                "dev.specforge.Application", "generate", "src/test/resources/specs/tricky.openapi.yaml",
                "-o", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPECFORGE_RENDER_THREADS", "3");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("CLI finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();

        JsonNode report = new ObjectMapper().readTree(out.resolve("tricky.openapi.report.json").toFile());
        assertThat(report.path("renderThreads").asInt()).isEqualTo(3);
        List<String> paths = GeneratedZip.read(out.resolve("tricky.openapi.zip")).files().keySet().stream().toList();
        assertThat(paths).contains("src/main/java/org/sysprop/trickynamesapi/Application.java");
        assertThat(Files.readString(log)).contains("tricky.openapi.yaml: ok,");
    }

    @Test
    void should_run_as_a_daemon_that_watches_the_inbox_until_sigterm() throws Exception {
        Path inbox = Files.createDirectories(out.resolve("inbox"));
        Path outbox = out.resolve("outbox");
        Path log = out.resolve("daemon.log");
        Process daemon = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dspecforge.inbox.dir=" + inbox, "-Dspecforge.outbox.dir=" + outbox,
                "-Dspecforge.deadletter.dir=" + outbox.resolve("failed"),
                "-Dspecforge.work.dir=" + outbox.resolve(".work"),
                "-Dspecforge.cache.dir=" + out.resolve("cache"),
                // any free port for the HTTP API: 8080 may be taken on a build machine
                "-Dcamel.server.port=0",
                "dev.specforge.Application")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path tmp = inbox.resolve(".orders.tmp");
            Files.copy(Path.of("src/test/resources/specs/orders.yaml"), tmp);
            Files.move(tmp, inbox.resolve("orders.yaml"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            org.awaitility.Awaitility.await("zip in the daemon's outbox").atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> Files.exists(outbox.resolve("orders.zip")) && Files.exists(inbox.resolve(".done/orders.yaml")));
            assertThat(daemon.isAlive()).as("still watching after one spec").isTrue();
        } finally {
            daemon.destroy(); // SIGTERM
        }
        assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        assertThat(Files.readString(log)).contains("orders.yaml: ok,").contains("triggered by SIGTERM");
        assertThat(GeneratedZip.read(outbox.resolve("orders.zip")).root()).isEqualTo("orders-service");
    }

    /** Usage errors are found before Camel starts, and each is one line on stderr naming the argument. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "no spec                | generate                                          | specforge generate: Missing required parameter: 'SPEC' (see specforge generate --help)",
            "unknown option         | generate --colour src/test/resources/specs/orders.yaml | specforge generate: Unknown option: '--colour' (see specforge generate --help)",
            "missing file           | generate src/test/resources/specs/nothing.yaml    | specforge generate: src/test/resources/specs/nothing.yaml: no such file",
            "folder                 | generate src/test/resources/specs                 | specforge generate: src/test/resources/specs: is a folder; pass the spec files in it, e.g. src/test/resources/specs/*.yaml",
            "not a regular file     | generate /dev/null                                | specforge generate: /dev/null: cannot be read (not a regular file, or no read permission)"})
    void should_exit_2_with_one_line_on_a_usage_error(String what, String args, String line) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        int exit;
        try {
            System.setErr(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
            exit = SpecforgeCommand.execute(args.trim().split("\\s+"));
        } finally {
            System.setErr(stderr);
        }
        assertThat(exit).as(what).isEqualTo(2);
        assertThat(buffer.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList()).as(what)
                .containsExactly(line.trim());
    }

    @Test
    void should_print_plain_progress_lines_and_a_summary_when_stdout_is_a_pipe() throws Exception {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        int exit;
        try (dev.specforge.support.FakeLlmServer llm = dev.specforge.support.FakeLlmServer.start()) {
            // each LLM call takes 400 ms, so the enrichment phase is long enough to be seen
            llm.latency(400);
            System.setProperty("specforge.llm.provider", "openai");
            System.setProperty("specforge.llm.base-url", llm.openAiBaseUrl());
            System.setProperty("specforge.llm.api-key", "test-key");
            System.setProperty("specforge.cache.dir", out.resolve("cache").toString());
            System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
            exit = SpecforgeCommand.execute("generate", "src/test/resources/specs/orders.yaml",
                    "src/test/resources/specs/bad-schema.yaml", "-o", out.toString());
        } finally {
            System.setOut(stdout);
            System.clearProperty("specforge.llm.provider");
            System.clearProperty("specforge.llm.base-url");
            System.clearProperty("specforge.llm.api-key");
            System.clearProperty("specforge.cache.dir");
        }

        assertThat(exit).isEqualTo(1);
        String text = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        // under Surefire System.console() is null: plain lines, no bar, no carriage returns or ANSI codes
        assertThat(text).doesNotContain("\r").doesNotContain("\u001b");
        assertThat(text.lines()).anyMatch(l -> l.matches("orders\\.yaml: enrich 0/43 files, \\d+ LLM calls, [0-9.]+ s"));
        assertThat(text.lines()).anyMatch(l -> l.startsWith("src/test/resources/specs/orders.yaml: ok, 43 files, 43 valid"));
        assertThat(text).contains("Summary: 2 specs in ")
                .contains("success rate 50.0% (1 ok, 1 failed)")
                .contains("files: 43 generated, 43 validated, 0 failed validation")
                .contains("LLM: 3 calls, cache hit rate 0.0% (0 hits, 16 misses)");
        assertThat(text.lines().filter(l -> l.contains("LLM: ")).findFirst().orElseThrow())
                .matches(".*tokens [1-9][0-9]* input / [1-9][0-9]* output / 0 cached, cost \\$0\\.[0-9]{4}");
    }
}
