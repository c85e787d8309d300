package dev.specforge.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the real Camel Main with the real {@code config/application.properties} (which loads {@code routes/} and
 * {@code templates/} from the checkout) and overrides only the folders, which point into a fresh temp dir per test.
 * Subclasses add properties through {@link #extraProperties()}.
 */
public abstract class SpecforgeTestSupport extends CamelMainTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** A fresh folder per test, made in {@link #configureContext} (Camel's test support calls it from its constructor). */
    protected Path work;
    protected Path inbox;
    protected Path outbox;
    protected Path deadLetter;

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:config/application.properties";
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        work = newWorkFolder();
        inbox = work.resolve("inbox");
        outbox = work.resolve("outbox");
        deadLetter = work.resolve("outbox/failed");
        Properties p = new Properties();
        p.put("specforge.inbox.dir", inbox.toString());
        p.put("specforge.outbox.dir", outbox.toString());
        p.put("specforge.deadletter.dir", deadLetter.toString());
        p.put("specforge.work.dir", outbox.resolve(".work").toString());
        p.put("specforge.cache.dir", cacheFolder().toString());
        // a free port per test class: the HTTP server and the management endpoints share it
        p.put("camel.server.port", "0");
        p.putAll(extraProperties());
        configuration.withUseOverridePropertiesWithPropertiesComponent(p);
    }

    private static Path newWorkFolder() {
        try {
            return Files.createTempDirectory("specforge-test-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void deleteWorkFolder() throws IOException {
        deleteTree(work);
    }

    /**
     * @param dir a folder (or file) to delete with everything under it; absent is fine
     * @throws IOException when something cannot be deleted
     */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** @return a real HTTP client for this test's server (made on first use) */
    protected Http http() {
        if (http == null) {
            http = new Http(context);
        }
        return http;
    }

    private Http http;

    /** @return the durable LLM answer cache folder; by default inside the test's own work folder */
    protected Path cacheFolder() {
        return work.resolve("cache");
    }

    /** @return properties to override on top of the folders */
    protected Properties extraProperties() {
        return new Properties();
    }

    /**
     * Drops a spec into the inbox the way a careful writer does (hidden temp name, then an atomic rename) and waits
     * until the inbox route has finished with it.
     *
     * @param content the spec bytes
     * @param name    the file name in the inbox
     */
    protected void dropAndAwait(byte[] content, String name) throws IOException {
        // the Splitter's parts carry the inbox route id too; only the spec's own exchange went to direct:generate
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("inbox").wereSentTo("direct:generate")
                .whenDone(1).create();
        SpecforgeProcess.drop(inbox, name, content);
        assertThat(done.matches(120, TimeUnit.SECONDS)).as("inbox finished with " + name).isTrue();
    }

    protected void dropAndAwait(Path spec, String name) throws IOException {
        dropAndAwait(Files.readAllBytes(spec), name);
    }

    /**
     * Drops a spec into the inbox and checks what a type-mapping test needs: no dead letter, an {@code ok} report of
     * the expected format, the report's warnings equal to the golden file {@code <goldenDir>/warnings.txt}, and
     * generated Java that compiles, into {@code work/classes}.
     *
     * @param spec           the spec file; its name is the inbox name
     * @param expectedFormat the report's {@code format}, e.g. {@code openapi}
     * @param goldenDir      the golden folder for this spec, e.g. {@code types/shop.openapi}
     * @return the generated project
     */
    protected GeneratedZip generateAndCompile(Path spec, String expectedFormat, String goldenDir) throws IOException {
        String name = spec.getFileName().toString();
        dropAndAwait(spec, name);
        String base = name.substring(0, name.lastIndexOf('.'));
        assertThat(deadLetter.resolve(name + ".error.json")).as("no error report").doesNotExist();
        JsonNode report = readJson(outbox.resolve(base + ".report.json"));
        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("format").asText()).isEqualTo(expectedFormat);
        java.util.List<String> warnings = new java.util.ArrayList<>();
        report.path("warnings").forEach(w -> warnings.add(w.asText()));
        Golden.assertMatches(goldenDir + "/warnings.txt", String.join("\n", warnings) + "\n");
        GeneratedZip project = GeneratedZip.read(outbox.resolve(base + ".zip"));
        assertThat(JavaCompilation.errors(project.javaSources(), work.resolve("classes"))).isEmpty();
        return project;
    }

    /**
     * Compares generated model classes with their golden files {@code <goldenDir>/<Type>.java}.
     *
     * @param project     the generated project
     * @param goldenDir   the golden folder for this spec
     * @param packagePath the project's package as a path, e.g. {@code com/example/shop}
     * @param types       the simple names of the model classes
     */
    protected static void goldenModels(GeneratedZip project, String goldenDir, String packagePath, String... types)
            throws IOException {
        for (String type : types) {
            String path = "src/main/java/" + packagePath + "/model/" + type + ".java";
            assertThat(project.files()).as(path).containsKey(path);
            Golden.assertMatches(goldenDir + "/" + type + ".java", project.files().get(path));
        }
    }

    protected JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
