package dev.specforge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.cache.Digest;
import dev.specforge.io.BuiltinFolder;
import dev.specforge.plan.StackRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The open (no API key) pages of the daemon, {@code routes/web.camel.yaml}:
 * <ul>
 *   <li>{@code GET /}, by content negotiation (RFC 9110 section 12.5.1, the {@code Accept} header and its q-values):
 *       the web page ({@code text/html}), the capabilities ({@code application/json}: stacks with their properties
 *       and outputs, input formats, limits, the LLM provider and whether its key is set, whether the API needs a key,
 *       the examples, the API's links), or a short help with ready-to-run curl commands ({@code text/plain}, also for
 *       no {@code Accept} or {@code *}{@code /*}, which is what curl sends); {@code 406} for nothing acceptable;</li>
 *   <li>{@code GET /web/{file}}: the page's scripts and styles, from the class path folder {@code web/};</li>
 *   <li>{@code GET /examples/{name}}: an example spec shipped in the jar ({@code examples/}).</li>
 * </ul>
 * Every answer carries a strong {@code ETag} (SHA-256 of its bytes); a request whose {@code If-None-Match} holds it
 * gets {@code 304} without a body. Their {@code Cache-Control} is {@code no-cache} (store, but revalidate), set by
 * {@link HttpServerSetup}. Everything is built once: stacks and configuration are read once per process.
 */
public final class HomeSteps {

    /** Paths {@link HttpServerSetup} gives {@code Cache-Control: no-cache} instead of {@code no-store}. */
    public static final Pattern CACHEABLE_PATHS = Pattern.compile("/|/web/[^/]+|/examples/[^/]+");

    /**
     * The open pages' {@code Content-Security-Policy} (CSP Level 3): scripts, styles, images and connections from
     * this server only (the page has no inline script or style), no framing, no {@code <base>}.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}\\.(html|js|css|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon");
    private static final List<String> OFFERED = List.of("text/plain", "text/html", "application/json");

    /**
     * What the capabilities say besides the stacks; values as configured.
     *
     * @param version           specforge's version
     * @param defaultStack      {@code specforge.stack.default}
     * @param specMaxBytes      {@code specforge.spec.max-bytes}
     * @param requestMaxBytes   {@code camel.server.max-body-size}
     * @param bundleMaxEntries  {@code specforge.bundle.max-entries}
     * @param bundleMaxBytes    {@code specforge.bundle.max-bytes}
     * @param jobWorkers        {@code specforge.jobs.workers}
     * @param jobsMaxQueued     {@code specforge.jobs.max-queued}
     * @param llmProvider       {@code specforge.llm.provider}
     * @param llmModel          the model asked ({@code offline} for the offline provider)
     * @param llmKeySet         whether an LLM API key is configured (the key itself is never shown)
     * @param apiKeyRequired    whether {@code /api/*} needs {@code specforge.http.api-key}
     * @param port              {@code camel.server.port} as configured (0: chosen at start), for the help's examples
     */
    public record Facts(String version, String defaultStack, long specMaxBytes, long requestMaxBytes,
                        int bundleMaxEntries, long bundleMaxBytes, int jobWorkers, int jobsMaxQueued,
                        String llmProvider, String llmModel, boolean llmKeySet, boolean apiKeyRequired, int port) {
    }

    private record Answer(String type, byte[] body, String etag) {
        static Answer of(String type, byte[] body) {
            return new Answer(type, body, "\"" + Digest.of(body).substring(0, 32) + "\"");
        }
    }

    private final Answer capabilities;
    private final Answer help;
    private final Answer page;
    private final Map<String, Answer> examples = new java.util.TreeMap<>();
    private final Map<String, Answer> assets = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param stacks the installed stacks
     * @param facts  the rest of the capabilities
     * @throws UncheckedIOException when the built-in examples cannot be read
     */
    public HomeSteps(StackRegistry stacks, Facts facts) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        BuiltinFolder.of("examples").ifPresent(this::readExamples);
        try {
            capabilities = Answer.of("application/json", json.writeValueAsBytes(capabilities(json, stacks, facts)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        help = Answer.of("text/plain; charset=utf-8", help(stacks, facts).getBytes(StandardCharsets.UTF_8));
        page = asset("index.html").orElse(Answer.of("text/html; charset=utf-8",
                "<!doctype html><title>specforge</title><p>This build has no web page.".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code GET /}: the page, the capabilities or the help, as the {@code Accept} header prefers.
     *
     * @param exchange the request
     * @throws HttpProblem 406 when {@code Accept} allows none of text/html, application/json, text/plain
     */
    public void home(Exchange exchange) {
        String type = negotiate(exchange.getMessage().getHeader("Accept", String.class));
        if (type == null) {
            throw new HttpProblem(406, "not-acceptable", "Not acceptable",
                    "GET / answers text/html (the web page), application/json (the capabilities) or text/plain "
                            + "(help); the Accept header allows none of them");
        }
        answer(exchange, switch (type) {
            case "text/html" -> page;
            case "application/json" -> capabilities;
            default -> help;
        });
    }

    /**
     * {@code GET /web/{file}}: a file of the page.
     *
     * @param exchange the request ({@code file} path parameter)
     * @throws HttpProblem 404 for a name that is not a page file
     */
    public void asset(Exchange exchange) {
        String name = exchange.getMessage().getHeader("file", String.class);
        answer(exchange, Optional.ofNullable(name).filter(n -> ASSET.matcher(n).matches()).flatMap(this::asset)
                .orElseThrow(() -> new HttpProblem(404, "not-found", "Not found", "no such file of the web page")));
    }

    /**
     * {@code GET /examples/{name}}: an example spec's text.
     *
     * @param exchange the request ({@code name} path parameter)
     * @throws HttpProblem 404 for a name that is not an example (the capabilities list them)
     */
    public void example(Exchange exchange) {
        String name = exchange.getMessage().getHeader("name", String.class);
        Answer example = name == null ? null : examples.get(name);
        if (example == null) {
            throw new HttpProblem(404, "not-found", "Not found", "no such example; GET / with Accept: "
                    + "application/json lists them");
        }
        answer(exchange, example);
    }

    /**
     * @param accept an {@code Accept} header, or null
     * @return the offered type the header ranks highest (q-value, then specificity of the range that matched; on a
     *         tie text/plain, then text/html), or null when none is acceptable
     */
    static String negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return "text/plain";
        }
        String best = null;
        double bestQ = 0;
        for (String offered : OFFERED) {
            double q = quality(accept, offered);
            if (q > bestQ) {
                best = offered;
                bestQ = q;
            }
        }
        return best;
    }

    /** @return the q-value of the most specific range in {@code accept} that matches {@code offered} (0: none) */
    private static double quality(String accept, String offered) {
        int bestSpecificity = -1;
        double q = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String media = parts[0].trim().toLowerCase(Locale.ROOT);
            int specificity = media.equals(offered) ? 2 : media.equals(offered.substring(0, offered.indexOf('/')) + "/*")
                    ? 1 : media.equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = 1;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim();
                    if (p.startsWith("q=")) {
                        try {
                            q = Math.max(0, Math.min(1, Double.parseDouble(p.substring(2))));
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
            }
        }
        return bestSpecificity < 0 ? 0 : q;
    }

    private void answer(Exchange exchange, Answer answer) {
        Message in = exchange.getMessage();
        String ifNoneMatch = in.getHeader("If-None-Match", String.class);
        in.removeHeaders("*");
        in.setHeader("ETag", answer.etag());
        in.setHeader("Vary", "Accept");
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*")
                || List.of(ifNoneMatch.split(",")).stream().map(String::trim).anyMatch(answer.etag()::equals))) {
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            in.setBody(null);
            return;
        }
        HttpSteps.answer(exchange, 200, answer.type(), answer.body());
    }

    private Optional<Answer> asset(String name) {
        Answer known = assets.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        try (InputStream in = HomeSteps.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            Answer read = Answer.of(TYPES.get(name.substring(name.lastIndexOf('.') + 1)), in.readAllBytes());
            assets.put(name, read);
            return Optional.of(read);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web/" + name + " from the class path", e);
        }
    }

    private void readExamples(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString().replace("/", "");
                if (name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.(ya?ml|json|zip)") && Files.isRegularFile(f)) {
                    String type = name.endsWith(".json") ? "application/json" : name.endsWith(".zip")
                            ? "application/zip" : "application/yaml";
                    examples.put(name, Answer.of(type, Files.readAllBytes(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in examples in " + folder, e);
        }
    }

    private ObjectNode capabilities(ObjectMapper json, StackRegistry stacks, Facts f) {
        ObjectNode root = json.createObjectNode();
        root.put("name", "specforge");
        root.put("version", f.version());
        root.put("defaultStack", f.defaultStack());
        root.set("stacks", HttpSteps.describe(stacks, json));
        ArrayNode formats = root.putArray("inputFormats");
        formats.addObject().put("id", "specforge").put("description", "the native specforge spec (a 'specforge:' key)");
        formats.addObject().put("id", "openapi").put("versions", "3.0, 3.1")
                .put("description", "OpenAPI 3 ('openapi: 3.x')");
        formats.addObject().put("id", "swagger").put("versions", "2.0")
                .put("description", "Swagger 2.0, converted to OpenAPI 3 first");
        formats.addObject().put("id", "json-schema").put("versions", "draft-04, 06, 07, 2019-09, 2020-12")
                .put("description", "a JSON Schema ('$schema', or a root shaped like a schema)");
        formats.addObject().put("id", "zip").put("description", "any of these split over several files, as one .zip");
        ArrayNode media = root.putArray("mediaTypes");
        List.of("application/yaml", "application/json", "application/zip", "text/plain", "application/octet-stream")
                .forEach(media::add);
        ObjectNode limits = root.putObject("limits");
        limits.put("specMaxBytes", f.specMaxBytes());
        limits.put("requestMaxBytes", f.requestMaxBytes());
        limits.put("bundleMaxEntries", f.bundleMaxEntries());
        limits.put("bundleMaxBytes", f.bundleMaxBytes());
        limits.put("jobWorkers", f.jobWorkers());
        limits.put("jobsMaxQueued", f.jobsMaxQueued());
        root.putObject("llm").put("provider", f.llmProvider()).put("model", f.llmModel()).put("keySet", f.llmKeySet());
        root.put("apiKeyRequired", f.apiKeyRequired());
        ArrayNode list = root.putArray("examples");
        examples.keySet().forEach(name -> list.addObject().put("name", name).put("href", "/examples/" + name));
        ObjectNode links = root.putObject("links");
        links.put("page", "/");
        links.put("generate", "/api/generate");
        links.put("jobs", "/api/jobs");
        links.put("plan", "/api/plan");
        links.put("stacks", "/api/stacks");
        links.put("health", "/observe/health");
        links.put("metrics", "/observe/metrics");
        return root;
    }

    private String help(StackRegistry stacks, Facts f) {
        String base = "http://localhost:" + (f.port() == 0 ? "PORT" : f.port());
        String key = f.apiKeyRequired() ? " -H \"X-API-Key: $SPECFORGE_KEY\"" : "";
        // the help's example: the native orders.yaml the distribution ships, else the first YAML example
        String example = examples.containsKey("orders.yaml") ? "orders.yaml"
                : examples.keySet().stream().filter(n -> n.endsWith(".yaml")).findFirst().orElse("spec.yaml");
        List<String> lines = new ArrayList<>(List.of(
                "specforge " + f.version() + ": turns a spec (native specforge spec, OpenAPI 3.x, Swagger 2.0, JSON "
                        + "Schema, or a .zip of one) into a generated project.",
                "",
                "Stacks: " + String.join(", ", stacks.names()) + " (default " + f.defaultStack() + ")",
                "LLM provider: " + f.llmProvider() + (f.apiKeyRequired() ? "; the API needs a key (X-API-Key or "
                        + "Authorization: Bearer)" : ""),
                "",
                "Open " + base + "/ in a browser for the web page. From a shell:",
                "",
                "  # an example spec",
                "  curl -s -o " + example + " " + base + "/examples/" + example,
                "  # the zip in one call (add ?stack=go-service for another stack)",
                "  curl -sf" + key + " -H 'Content-Type: application/yaml' --data-binary @" + example
                        + " -o project.zip " + base + "/api/generate",
                "  # the plan first: files, LLM calls, tokens and cost (nothing is called or written)",
                "  curl -s" + key + " -H 'Content-Type: application/yaml' --data-binary @" + example + " "
                        + base + "/api/plan",
                "  # as a job: 202 and a Location to poll, then its result",
                "  curl -si" + key + " -H 'Content-Type: application/yaml' --data-binary @" + example + " "
                        + base + "/api/jobs",
                "  # what this server offers, as JSON",
                "  curl -s -H 'Accept: application/json' " + base + "/",
                "",
                "Errors are application/problem+json (RFC 9457). Health: " + base + "/observe/health"));
        return String.join("\n", lines) + "\n";
    }
}
