package dev.specforge.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The installed stacks: one folder per stack under one of the template roots, each with a {@code stack.yaml}. With
 * several roots (the configured {@code specforge.templates.dir}, then the stacks built into the jar), a stack is
 * taken whole from the first root that has it, so a folder of the same name overrides a built-in stack, stack by
 * stack. A root may be a folder inside the jar (a zip file system path). Manifests are read once and cached. A manifest's {@code properties} can be overridden by configuration
 * ({@code specforge.stack.<stack>.<property>}, e.g. {@code specforge.stack.go-service.goVersion}). Thread-safe.
 */
public final class StackRegistry {

    private static final Pattern STACK_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final List<Path> roots;
    private final Map<String, StackManifest> cache = new ConcurrentHashMap<>();
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Map<String, Map<String, String>> overrides;

    /**
     * @param root the templates folder, e.g. {@code templates}
     */
    public StackRegistry(Path root) {
        this(root, Map.of());
    }

    /**
     * @param root      the templates folder, e.g. {@code templates}
     * @param overrides per stack name, property values that replace the manifest's ({@code specforge.stack.*});
     *                  overrides for stacks that are not installed are ignored
     */
    public StackRegistry(Path root, Map<String, Map<String, String>> overrides) {
        this(List.of(root), overrides);
    }

    /**
     * @param roots     template roots in order of precedence (e.g. the configured folder, then the jar's built-in
     *                  stacks); a root that is not a folder offers no stacks
     * @param overrides per stack name, property values that replace the manifest's ({@code specforge.stack.*});
     *                  overrides for stacks that are not installed are ignored
     */
    public StackRegistry(List<Path> roots, Map<String, Map<String, String>> overrides) {
        this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
        Map<String, Map<String, String>> copy = new java.util.TreeMap<>();
        overrides.forEach((stack, props) -> copy.put(stack, Map.copyOf(new java.util.TreeMap<>(props))));
        this.overrides = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * @return every configured property override (installed stack or not), as one stable text
     *         ({@code stack.key=value;...}), for cache keys: an override changes the output as much as an edit of
     *         the manifest
     */
    public String overridesText() {
        StringBuilder b = new StringBuilder();
        overrides.forEach((stack, props) -> new java.util.TreeMap<>(props).forEach((k, v) ->
                b.append(stack).append('.').append(k).append('=').append(v).append(';')));
        return b.toString();
    }

    /** @return the template roots (absolute), in order of precedence */
    public List<Path> roots() {
        return roots;
    }

    /** @return the names of the installed stacks (from every root), sorted */
    public List<String> names() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(d -> Files.isRegularFile(d.resolve("stack.yaml")))
                        .map(d -> d.getFileName().toString().replace("/", ""))
                        .filter(n -> STACK_NAME.matcher(n).matches())
                        .forEach(names::add);
            } catch (IOException e) {
                // an unreadable root offers no stacks; the others still do
            }
        }
        return List.copyOf(names);
    }

    /**
     * @param name a stack name
     * @return whether such a stack is installed
     */
    public boolean exists(String name) {
        return folder(name).isPresent();
    }

    /**
     * @param name a stack name; must match {@code [a-z0-9][a-z0-9-]*} (never a path)
     * @return the stack's folder in the first root that has it (with a {@code stack.yaml}), or empty
     */
    public java.util.Optional<Path> folder(String name) {
        if (name == null || !STACK_NAME.matcher(name).matches()) {
            return java.util.Optional.empty();
        }
        return roots.stream().map(r -> r.resolve(name)).filter(d -> Files.isRegularFile(d.resolve("stack.yaml")))
                .findFirst();
    }

    /**
     * @param template a template name, {@code <stack>/<path in the stack folder>}
     * @return the template's file in its stack's folder, or empty when the stack is not installed or the name
     *         leaves the stack folder
     */
    public java.util.Optional<Path> templateFile(String template) {
        int slash = template.indexOf('/');
        if (slash <= 0) {
            return java.util.Optional.empty();
        }
        return folder(template.substring(0, slash)).map(dir -> {
            Path file = dir.resolve(template.substring(slash + 1)).normalize();
            return file.startsWith(dir) ? file : null;
        });
    }

    /**
     * @param name a stack name; must match {@code [a-z0-9][a-z0-9-]*} (never a path)
     * @return the stack's manifest
     * @throws PlanException when the stack is not installed or its manifest is invalid (names the file and key)
     */
    public StackManifest manifest(String name) {
        if (!exists(name)) {
            throw new PlanException("unknown stack '" + name + "'; installed stacks: " + String.join(", ", names()));
        }
        return cache.computeIfAbsent(name, this::load);
    }

    /**
     * The digest a generated file's cache key uses for its template: the template file's own SHA-256, or, when it
     * pulls in other files ({@code #include} / {@code #import}), the whole stack folder's ({@link #stackDigest}).
     * Read once per process, like the renderer, which never re-reads a template either.
     *
     * @param template a template name relative to the root, e.g. {@code camel-service/pom.xml.ftl}
     * @return 64 hex characters
     * @throws java.io.UncheckedIOException when the template cannot be read
     */
    public String templateDigest(String template) {
        return memo("t:" + template, () -> {
            byte[] source = read(templateFile(template).orElseThrow(() ->
                    new java.io.UncheckedIOException(new java.io.FileNotFoundException("no template " + template))));
            String text = new String(source, java.nio.charset.StandardCharsets.UTF_8);
            if (text.contains("#include") || text.contains("#import")) {
                return stackDigest(template.substring(0, template.indexOf('/')));
            }
            return dev.specforge.cache.Digest.of(source);
        });
    }

    /**
     * @param name an installed stack
     * @return the SHA-256 over every file of the stack folder (relative paths in sorted order, and their bytes):
     *         manifest, templates and prompts; read once per process
     * @throws java.io.UncheckedIOException when the folder cannot be read
     */
    public String stackDigest(String name) {
        return memo("s:" + name, () -> {
            Path dir = folder(manifest(name).name()).orElseThrow();
            dev.specforge.cache.Digest digest = dev.specforge.cache.Digest.sha256();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.add(dir.relativize(f).toString().replace('\\', '/')).add(read(f));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read stack folder " + dir, e);
            }
            return digest.hex();
        });
    }

    /** get, else compute and keep (not computeIfAbsent: a template digest may need the stack digest) */
    private String memo(String key, java.util.function.Supplier<String> compute) {
        String known = digests.get(key);
        if (known != null) {
            return known;
        }
        String value = compute.get();
        String raced = digests.putIfAbsent(key, value);
        return raced == null ? value : raced;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    private StackManifest load(String name) {
        Path dir = folder(name).orElseThrow();
        Path file = dir.resolve("stack.yaml");
        JsonNode m;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            m = yaml.readTree(in);
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read the manifest: " + e.getMessage());
        }
        if (m == null || !m.isObject()) {
            throw new PlanException(file + ": the manifest must be a mapping");
        }
        Map<String, String> props = new LinkedHashMap<>();
        m.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
        for (Map.Entry<String, String> o : overrides.getOrDefault(name, Map.of()).entrySet()) {
            if (!props.containsKey(o.getKey())) {
                throw new PlanException("specforge.stack." + name + "." + o.getKey() + ": stack " + name
                        + " has no property '" + o.getKey() + "' (its properties: " + String.join(", ", props.keySet())
                        + ")");
            }
            props.put(o.getKey(), o.getValue());
        }
        List<StackManifest.Output> outputs = new ArrayList<>();
        JsonNode list = m.path("outputs");
        if (!list.isArray() || list.isEmpty()) {
            throw new PlanException(file + ": 'outputs' must be a non-empty list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode o = list.get(i);
            String at = file + ": outputs[" + i + "]";
            String template = required(o, "template", at);
            Path tpl = dir.resolve(template).normalize();
            if (!tpl.startsWith(dir) || !Files.isRegularFile(tpl)) {
                throw new PlanException(at + ".template: no template file '" + template + "' in " + dir);
            }
            Scope scope;
            try {
                scope = Scope.of(o.path("scope").asText("project"));
            } catch (IllegalArgumentException e) {
                throw new PlanException(at + ".scope: '" + o.path("scope").asText()
                        + "' is not one of project, entity, operation-group");
            }
            String path = required(o, "path", at);
            PathExpression.check(path, scope, at + ".path");
            List<Condition> when = new ArrayList<>();
            for (JsonNode c : o.path("when")) {
                try {
                    when.add(Condition.parse(c.asText()));
                } catch (IllegalArgumentException e) {
                    throw new PlanException(at + ".when: " + e.getMessage());
                }
            }
            List<String> enrich = new ArrayList<>();
            for (JsonNode k : o.path("enrich")) {
                try {
                    enrich.add(EnrichmentKind.of(k.asText()).id());
                } catch (IllegalArgumentException e) {
                    throw new PlanException(at + ".enrich: " + e.getMessage());
                }
                Path prompt = dir.resolve("prompts").resolve(k.asText() + ".ftl");
                if (!Files.isRegularFile(prompt)) {
                    throw new PlanException(at + ".enrich: the stack has no prompt for '" + k.asText() + "' ("
                            + prompt + ")");
                }
            }
            outputs.add(new StackManifest.Output(name + "/" + template, path, scope,
                    o.path("critical").asBoolean(false), when, enrich));
        }
        return new StackManifest(name, m.path("version").asText("0"), m.path("description").asText(""),
                StackManifest.language(m, name), props, outputs);
    }

    private static String required(JsonNode o, String key, String at) {
        String v = o.path(key).asText("");
        if (v.isBlank()) {
            throw new PlanException(at + "." + key + " is required");
        }
        return v;
    }
}
