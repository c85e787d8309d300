package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.specforge.support.GeneratedZip;
import dev.specforge.support.SpecforgeTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input dropped into the inbox. For every case: one clear outcome (a zip, or the dead letter
 * with a message naming the cause), the original bytes kept ({@code inbox/.done} or the dead letter), nothing
 * written outside the outbox, dead letter and cache, and the next good spec still succeeds.
 */
class HostileInputTest extends SpecforgeTestSupport {

    private static final Path ORDERS = Path.of("src/test/resources/specs/orders.yaml");
    private static final AtomicInteger FETCHES = new AtomicInteger();

    /**
     * One input.
     *
     * @param name    what it is
     * @param file    its file name in the inbox
     * @param bytes   its bytes
     * @param cause   for a dead-lettered case, words the error message must contain; {@code null} for success
     * @param zip     checks on the zip of a successful case
     */
    record Case(String name, String file, byte[] bytes, String cause, Consumer<GeneratedZip> zip) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("specforge.spec.max-bytes", String.valueOf(2 * 1024 * 1024));
        return p;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String ONE_ENTITY = "entities: [{name: A, fields: [{name: id, type: long}]}]\n";

    static Stream<Case> cases() throws IOException {
        StringBuilder bomb = new StringBuilder("openapi: 3.0.3\ninfo: {title: bomb, version: 1.0.0}\npaths: {}\n"
                + "x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String prev = "a";
        for (String n : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
            bomb.append("x-").append(n).append(": &").append(n).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
            prev = n;
        }
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        binary[8] = 0;
        byte[] bom = utf8("\uFEFFspecforge: 1\nproject: {name: bom}\n" + ONE_ENTITY);
        String literal = "${7*7} <#assign x=1> ${'freemarker.template.utility.Execute'?new()('id')} ?api";
        return Stream.of(
                new Case("malformed YAML", "malformed.yaml", utf8("specforge: 1\nproject: {name: x\nentities: [\n"),
                        "not well-formed YAML: ", null),
                new Case("malformed JSON", "malformed.json",
                        utf8("{\"specforge\": 1, \"project\": {\"name\": \"x\"}, \"entities\": [}"),
                        "not well-formed JSON: ", null),
                new Case("JSON bomb of nested arrays", "array-bomb.json",
                        utf8("[".repeat(1_000_000) + "]".repeat(1_000_000)), "nesting depth", null),
                new Case("duplicate keys in JSON", "dup-key.json", utf8("{\"openapi\": \"3.0.3\", \"info\": {\"title\": "
                        + "\"a\", \"version\": \"1\", \"title\": \"b\"}, \"paths\": {}}"),
                        "Duplicate field 'title'", null),
                new Case("YAML alias bomb", "bomb.yaml", utf8(bomb.toString()), null, zip -> { }),
                new Case("deep nesting", "deep.json",
                        utf8("{\"specforge\":1,\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                        "nesting depth", null),
                new Case("over-long string", "long.yaml", utf8("openapi: 3.0.3\ninfo: {title: t, version: 1.0.0, "
                        + "description: \"" + "a".repeat(1_500_000) + "\"}\npaths: {}\n"), "over the limit of 1000000",
                        null),
                new Case("over the size limit", "huge.yaml", utf8("specforge: 1\n# " + "x".repeat(3 * 1024 * 1024)),
                        "over the limit", null),
                new Case("not UTF-8", "latin1.yaml", ("specforge: 1\nproject: {name: caf\u00e9}\n" + ONE_ENTITY)
                        .getBytes(StandardCharsets.ISO_8859_1), "byte 0xE9 at offset 32 (line 2)", null),
                new Case("UTF-8 byte order mark", "bom.yaml", bom, null, zip -> assertThat(zip.root()).isEqualTo("bom")),
                new Case("empty file", "empty.yaml", new byte[0], "empty", null),
                new Case("binary file", "image.yaml", binary, "binary", null),
                new Case("duplicate entity names", "dup-entity.yaml", utf8("specforge: 1\nproject: {name: d}\n"
                        + "entities: [{name: A, fields: [{name: id, type: long}]}, {name: A, fields: [{name: id, "
                        + "type: long}]}]\n"), "duplicate entity name 'A'", null),
                new Case("duplicate field names", "dup-field.yaml", utf8("specforge: 1\nproject: {name: d}\n"
                        + "entities: [{name: A, fields: [{name: id, type: long}, {name: id, type: string}]}]\n"),
                        "duplicate field name 'id'", null),
                new Case("duplicate keys", "dup-key.yaml", utf8("specforge: 1\nproject: {name: a}\nproject: {name: b}\n"
                        + ONE_ENTITY), "Duplicate field 'project'", null),
                new Case("path traversal in native names", "traversal.yaml", utf8("specforge: 1\n"
                        + "project: {name: \"../../evil\"}\nentities: [{name: \"../../Evil\", fields: [{name: id, "
                        + "type: long}]}]\n"), "/entities/0/name", null),
                new Case("hostile OpenAPI schema names", "names.yaml", utf8("""
                        openapi: 3.0.3
                        info: {title: names, version: 1.0.0}
                        paths: {}
                        components:
                          schemas:
                            "../../Evil": {type: object, properties: {id: {type: integer}}}
                            "/etc/passwd": {type: object, properties: {id: {type: integer}}}
                            "a\\\\b": {type: object, properties: {id: {type: integer}}}
                            "nul\\0x": {type: object, properties: {id: {type: integer}}}
                            "CON": {type: object, properties: {id: {type: integer}}}
                            "lpt1": {type: object, properties: {id: {type: integer}}}
                            "%s": {type: object, properties: {id: {type: integer}}}
                        """.formatted("L".repeat(300))), null, zip -> {
                            assertThat(zip.files().keySet()).anyMatch(p -> p.endsWith("/model/CONModel.java"))
                                    .anyMatch(p -> p.endsWith("/model/Lpt1Model.java"))
                                    .noneMatch(p -> p.toUpperCase(java.util.Locale.ROOT).endsWith("/CON.JAVA"));
                        }),
                new Case("FreeMarker syntax in spec text", "freemarker.yaml", utf8("specforge: 1\nproject: {name: fm, "
                        + "description: \"" + literal + "\"}\nentities: [{name: A, description: \"<#list 1..3 as i>"
                        + "${i}</#list>\", fields: [{name: id, type: long, description: \"${.now}\"}]}]\n"), null,
                        zip -> {
                            String readme = zip.files().get("README.md");
                            assertThat(readme).contains(literal).doesNotContain("49");
                            String record = zip.files().entrySet().stream()
                                    .filter(e -> e.getKey().endsWith("/model/A.java")).findFirst().orElseThrow()
                                    .getValue();
                            assertThat(record).contains("<#list 1..3 as i>${i}</#list>", "${.now}");
                        }),
                new Case("circular $ref", "circular.yaml", utf8("""
                        openapi: 3.0.3
                        info: {title: circular, version: 1.0.0}
                        paths: {}
                        components:
                          schemas:
                            Node: {type: object, properties: {next: {$ref: '#/components/schemas/Node'}, other: {$ref: '#/components/schemas/Other'}}}
                            Other: {type: object, properties: {back: {$ref: '#/components/schemas/Node'}}}
                        """), null, zip -> assertThat(zip.files().keySet()).anyMatch(k -> k.endsWith("/model/Node.java"))),
                new Case("unknown stack", "stack.yaml", utf8("specforge: 1\nproject: {name: s}\nstack: nope\n" + ONE_ENTITY),
                        "unknown stack 'nope'; installed stacks: camel-service", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_end_in_one_clear_outcome_keep_the_bytes_write_nowhere_else_and_go_on(Case c) throws Exception {
        dropAndAwait(c.bytes(), c.file());
        assertOutcome(c.file(), c.bytes(), c.cause(), c.zip());
        assertNextSpecSucceeds();
    }

    @Test
    void should_never_fetch_external_refs_and_report_them() throws Exception {
        HttpServer evil = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        evil.createContext("/", ex -> {
            FETCHES.incrementAndGet();
            byte[] body = utf8("B: {type: object}\n");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        evil.start();
        try {
            String url = "http://127.0.0.1:" + evil.getAddress().getPort() + "/evil.yaml#/B";
            byte[] spec = utf8("""
                    openapi: 3.0.3
                    info: {title: ext, version: 1.0.0}
                    paths: {}
                    components:
                      schemas:
                        A: {type: object, properties: {r: {$ref: "%s"}, f: {$ref: "file:///etc/passwd"}, l: {$ref: "other.yaml#/C"}}}
                    """.formatted(url));
            dropAndAwait(spec, "external.yaml");
            assertOutcome("external.yaml", spec, null, zip -> { });
            assertThat(FETCHES).as("requests to the referenced server").hasValue(0);
            JsonNode warnings = readJson(outbox.resolve("external.report.json")).path("warnings");
            assertThat(warnings.toString()).contains(url, "file:///etc/passwd", "is not fetched");

            // the same references in a Swagger 2.0 document (converted by swagger-parser) and in a JSON Schema
            byte[] swagger = utf8("""
                    swagger: "2.0"
                    info: {title: ext, version: 1.0.0}
                    paths: {}
                    definitions:
                      A: {type: object, properties: {r: {$ref: "%s"}, f: {$ref: "file:///etc/passwd"}}}
                    """.formatted(url));
            byte[] schema = utf8("""
                    {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                     "properties": {"r": {"$ref": "%s"}, "f": {"$ref": "file:///etc/passwd"}}}
                    """.formatted(url));
            for (Map.Entry<String, byte[]> e : Map.of("external-swagger.yaml", swagger,
                    "external-schema.json", schema).entrySet()) {
                dropAndAwait(e.getValue(), e.getKey());
                assertOutcome(e.getKey(), e.getValue(), null, zip -> { });
                String base = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
                assertThat(readJson(outbox.resolve(base + ".report.json")).path("warnings").toString())
                        .as(e.getKey()).contains("file:///etc/passwd", "is not fetched");
            }
            assertThat(FETCHES).as("requests to the referenced server").hasValue(0);
        } finally {
            evil.stop(0);
        }
        assertNextSpecSucceeds();
    }

    @Test
    void should_wait_for_a_spec_that_is_still_being_written() throws Exception {
        byte[] spec = Files.readAllBytes(ORDERS);
        var done = new org.apache.camel.builder.NotifyBuilder(context).fromRoute("inbox")
                .wereSentTo("direct:generate").whenDone(1).create();
        Files.createDirectories(inbox);
        // a slow writer under the final name: a chunk every 100 ms, faster than the read lock's 250 ms check
        try (OutputStream out = Files.newOutputStream(inbox.resolve("slow.yaml"))) {
            for (int i = 0; i < spec.length; i += 64) {
                out.write(spec, i, Math.min(64, spec.length - i));
                out.flush();
                Thread.sleep(100);
            }
        }
        assertThat(done.matches(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertOutcome("slow.yaml", spec, null, zip -> assertThat(zip.root()).isEqualTo("orders-service"));
    }

    private void assertOutcome(String file, byte[] bytes, String cause, Consumer<GeneratedZip> zipCheck)
            throws IOException {
        String base = file.substring(0, file.lastIndexOf('.'));
        assertThat(inbox.resolve(file)).as("left the inbox").doesNotExist();
        if (cause == null) {
            assertThat(deadLetter.resolve(file + ".error.json")).as("no error report").doesNotExist();
            assertThat(inbox.resolve(".done").resolve(file)).hasBinaryContent(bytes);
            Path zip = outbox.resolve(base + ".zip");
            // entries are relative, inside the project folder, with portable names
            assertThat(GeneratedZip.entryNames(zip)).allSatisfy(n -> assertThat(n).doesNotContain("..", "\\", "\0", ":")
                    .doesNotStartWith("/")
                    .satisfies(p -> assertThat(p.split("/")).allSatisfy(seg ->
                            assertThat(seg.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200))));
            zipCheck.accept(GeneratedZip.read(zip));
        } else {
            assertThat(outbox.resolve(base + ".zip")).doesNotExist();
            assertThat(deadLetter.resolve(file)).as("original bytes in the dead letter").hasBinaryContent(bytes);
            assertThat(readJson(deadLetter.resolve(file + ".error.json")).path("message").asText()).contains(cause);
        }
        // nothing written anywhere but the inbox's .done, the outbox (dead letter and work folder inside) and cache
        try (Stream<Path> all = Files.walk(work)) {
            assertThat(all.filter(Files::isRegularFile).map(work::relativize).map(Path::toString))
                    .allMatch(p -> p.startsWith("inbox/.done/") || p.startsWith("outbox/") || p.startsWith("cache/"));
        }
    }

    private void assertNextSpecSucceeds() throws IOException {
        dropAndAwait(ORDERS, "next.yaml");
        assertThat(outbox.resolve("next.zip")).exists();
    }
}
