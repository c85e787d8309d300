package dev.specforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.specforge.llm.Enrichments;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.plan.FileTask;
import dev.specforge.plan.StackManifest;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.Names;
import dev.specforge.spec.Operation;
import dev.specforge.spec.OperationGroup;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.TypeRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the FreeMarker data model from the project model: plain maps, lists and strings, so templates see data
 * only. docs/stacks.md is the reference for stack authors (every variable, with examples); in short:
 * <ul>
 *   <li>{@code project}: name, group, version, description, packageName, packagePath, docLines;</li>
 *   <li>{@code stack}: name, version, properties (the manifest's constants, with configuration overrides);</li>
 *   <li>{@code entities}, {@code objectEntities}, {@code enumEntities}, {@code unionEntities}: entity maps;</li>
 *   <li>{@code operationGroups}: group maps (name, tag, kebab, lowerName, operations);</li>
 *   <li>{@code features}: name to boolean; {@code format}: native, openapi, swagger or json_schema;</li>
 *   <li>{@code openapiJson} (project-scoped files only): the service's OpenAPI 3.1 document as JSON text
 *       ({@link ContractDocument}), to print as it is;</li>
 *   <li>{@code entity} (entity scope) and {@code group} (operation-group scope); entity- and group-scoped files
 *       see only {@code project}, {@code stack}, {@code features}, {@code format}, their entity or group and
 *       {@code path}, so that their cached results depend on that slice alone ({@link Base#sliceDigest});</li>
 *   <li>functions {@code yamlString(text)}, {@code javaString(text)}, {@code jsString(text)} and
 *       {@code goString(text)}: quoted, escaped literals (see {@link Escapes}).</li>
 * </ul>
 * An entity map has name, varName, kebab, lowerName, plural, sourceName, kind (object, enum or union), description,
 * docLines, fields, values (constant, pascal, value, javaLiteral), permits (a union's branch entity names),
 * discriminator (a union's discriminator property, or empty) and discriminatorDoc (the same, safe in a block
 * comment), subtypes (per permitted entity: name, and names, its discriminator values as Java string literals),
 * unions (the unions an object is a branch of), hasDefaults, hasId, idType; a field map has name, pascalName,
 * jsonName, type, target, targetKind, valueType (type, target, targetKind, format, many), many, required, unique,
 * format, rules (language-neutral validation, see {@link ValidationRules}), javaType, annotations, minLength,
 * maxLength, minimum, maximum, pattern, description, docLines, nullable, access (read-write, read-only or
 * write-only), defaultJson (the spec's default as JSON), defaultExpression (that default as a Java expression, or
 * empty when Java cannot express it), notes (Javadoc lines on nullability, access and the default) and jsonProperty
 * (a ready {@code @JsonProperty} annotation, or empty). Absent values are empty strings.
 * {@code docLines} are the description split into lines and made safe for a block comment.
 *
 * <p>Enrichment slots (filled from the answers of the kinds an output declares; see {@code EnrichmentKind}): an
 * entity's {@code docLines} and {@code summary} (one line, safe in a Markdown table cell) use the entity-docs answer
 * when the spec has no description; {@code samplesJson} is the sample-data answer as a pretty JSON array
 * ({@code []} when absent); a field's {@code annotations} and {@code rules} add the field-validators constraints to
 * the spec's, and
 * {@code example} / {@code exampleDoc} hold its example value (raw, and safe for a block comment). Answers are
 * data: they never choose a template or a path and are never evaluated as templates.
 */
public final class TemplateModels {

    private TemplateModels() {
    }

    /**
     * The data model of one spec, built once and shared (read-only) by every file's render.
     *
     * @param entities     entity maps by entity name, for entity-scoped files
     * @param groups       operation-group maps by group name, for operation-group-scoped files
     * @param shared       the variables every project-scoped file sees
     * @param scoped       the narrow shared part entity- and group-scoped files see
     * @param sharedDigest the digest of {@code shared} ({@link dev.specforge.cache.Digest#addModel})
     * @param scopedDigest the digest of {@code scoped}
     * @param partDigests  the digests of the entity and group maps, filled on first use by {@link #sliceDigest}
     *                     (an entity has several files, and hashing its map again for each was about a fifth of
     *                     the render threads' samples; bench/tried.md)
     */
    public record Base(Map<String, Object> shared, Map<String, Object> scoped,
                       Map<String, Map<String, Object>> entities, Map<String, Map<String, Object>> groups,
                       String sharedDigest, String scopedDigest,
                       java.util.concurrent.ConcurrentMap<String, String> partDigests) {

        /**
         * The digest of exactly the data one file's template can read (its "data slice"): the whole shared model
         * for a project-scoped file; for an entity- or group-scoped file, the narrow shared part ({@code project},
         * {@code stack}, {@code features}, {@code format}), its entity or group map (enrichment slots included) and
         * its path. Changing one entity therefore changes the key of only the files that read it. Each part is
         * hashed once per spec and the parts' digests are combined per file.
         *
         * @param task  a planned file of this spec
         * @return 64 hex characters
         */
        public String sliceDigest(FileTask task) {
            dev.specforge.cache.Digest d = dev.specforge.cache.Digest.sha256();
            if (task.entity() == null && task.group() == null) {
                return d.add(sharedDigest).add(task.path()).hex();
            }
            d.add(scopedDigest);
            if (task.entity() != null) {
                d.add("entity").add(partDigest("entity", task.entity(), entities));
            }
            if (task.group() != null) {
                d.add("group").add(partDigest("group", task.group(), groups));
            }
            return d.add(task.path()).hex();
        }

        /** @return the digest of the named entity or group map, computed on first use */
        private String partDigest(String kind, String name, Map<String, Map<String, Object>> maps) {
            return partDigests.computeIfAbsent(kind + "\n" + name,
                    k -> dev.specforge.cache.Digest.sha256().addModel(maps.get(name)).hex());
        }
    }

    /** The shared variables entity- and operation-group-scoped files see (not the lists of every entity/group). */
    private static final java.util.Set<String> SCOPED = java.util.Set.of("project", "stack", "features", "format",
            "yamlString", "javaString", "jsString", "goString");

    /**
     * @param model   the project model
     * @param stack   the stack
     * @param answers the spec's enrichment answers
     * @return the shared part of every file's data model, with the enrichment slots filled (treat as immutable;
     *         build once per spec)
     */
    public static Base base(ProjectModel model, StackManifest stack, Enrichments answers) {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", model.project().name());
        project.put("group", model.project().group());
        project.put("version", model.project().version());
        project.put("description", nz(model.project().description()));
        project.put("docLines", docLines(model.project().description()));
        project.put("packageName", model.project().packageName());
        project.put("packagePath", model.project().packagePath());
        root.put("project", project);
        root.put("stack", Map.of("name", stack.name(), "version", stack.version(), "properties", stack.properties()));
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> objects = new ArrayList<>();
        List<Map<String, Object>> enums = new ArrayList<>();
        List<Map<String, Object>> unions = new ArrayList<>();
        Map<String, Map<String, Object>> byName = new HashMap<>();
        Map<String, Map<String, String>> enumConstants = new HashMap<>();
        Map<String, String> kinds = new HashMap<>();
        for (Entity e : model.entities()) {
            kinds.put(e.name(), e.kind().name().toLowerCase(Locale.ROOT));
            if (e.kind() == Entity.Kind.ENUM) {
                Map<String, String> constants = new HashMap<>();
                e.values().forEach(v -> constants.put(v.value(), v.constant()));
                enumConstants.put(e.name(), constants);
            }
        }
        for (Entity e : model.entities()) {
            Map<String, Object> m = entity(e, answers, enumConstants, kinds);
            all.add(m);
            switch (e.kind()) {
                case ENUM -> enums.add(m);
                case UNION -> unions.add(m);
                case OBJECT -> objects.add(m);
            }
            byName.put(e.name(), m);
        }
        root.put("entities", all);
        root.put("objectEntities", objects);
        root.put("enumEntities", enums);
        root.put("unionEntities", unions);
        List<Map<String, Object>> groups = new ArrayList<>();
        Map<String, Map<String, Object>> groupByName = new HashMap<>();
        for (OperationGroup g : model.operationGroups()) {
            Map<String, Object> m = group(g);
            groups.add(m);
            groupByName.put(g.name(), m);
        }
        root.put("operationGroups", groups);
        Map<String, Object> features = new HashMap<>(model.features());
        features.putIfAbsent("docker", Boolean.TRUE);
        root.put("features", features);
        root.put("format", model.format().id());
        root.put("openapiJson", ContractDocument.json(model, answers));
        root.put("yamlString", Escapes.YAML);
        root.put("javaString", Escapes.JAVA);
        root.put("jsString", Escapes.JS);
        root.put("goString", Escapes.GO);
        Map<String, Object> scoped = new HashMap<>(root);
        scoped.keySet().retainAll(SCOPED);
        return new Base(root, scoped, byName, groupByName, dev.specforge.cache.Digest.sha256().addModel(root).hex(),
                dev.specforge.cache.Digest.sha256().addModel(scoped).hex(), new java.util.concurrent.ConcurrentHashMap<>());
    }

    /**
     * @param base a model from {@link #base}
     * @param task the file to render
     * @return the data model for that file: for a project-scoped file the whole shared model; for an entity- or
     *         group-scoped one the narrow shared part plus {@code entity} or {@code group}; and {@code path}
     */
    public static Map<String, Object> forTask(Base base, FileTask task) {
        Map<String, Object> m = new HashMap<>(task.entity() == null && task.group() == null ? base.shared()
                : base.scoped());
        if (task.entity() != null) {
            m.put("entity", base.entities().get(task.entity()));
        }
        if (task.group() != null) {
            m.put("group", base.groups().get(task.group()));
        }
        m.put("path", task.path());
        return m;
    }

    private static Map<String, Object> entity(Entity e, Enrichments answers,
                                              Map<String, Map<String, String>> enumConstants,
                                              Map<String, String> kinds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("varName", Names.memberName(e.name()));
        m.put("kebab", Names.kebab(e.name()));
        m.put("lowerName", Names.lowerName(e.name()));
        m.put("plural", plural(Names.kebab(e.name())));
        m.put("sourceName", e.sourceName());
        m.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        m.put("description", nz(e.description()));
        String doc = e.description();
        Enrichments.Answer docs = answers.get(EnrichmentKind.ENTITY_DOCS, e.name(), null);
        if ((doc == null || doc.isBlank()) && docs != null) {
            doc = docs.value().path("description").asText();
        }
        m.put("docLines", docLines(doc));
        m.put("summary", markdownCell(doc));
        Enrichments.Answer samples = answers.get(EnrichmentKind.SAMPLE_DATA, e.name(), null);
        m.put("samplesJson", samplesJson(samples == null ? null : samples.value()));
        List<Map<String, Object>> fields = new ArrayList<>();
        String idType = "";
        for (Field f : e.fields()) {
            Map<String, Object> fm = field(f, answers.get(EnrichmentKind.FIELD_VALIDATORS, e.name(), f.name()),
                    enumConstants, kinds);
            fields.add(fm);
            if (isId(f)) {
                idType = (String) fm.get("javaType");
            }
        }
        m.put("fields", fields);
        m.put("hasId", !idType.isEmpty());
        m.put("idType", idType);
        List<Map<String, Object>> values = new ArrayList<>();
        java.util.Set<String> pascals = new java.util.HashSet<>();
        for (Entity.EnumValue v : e.values()) {
            String pascal = Names.typeName(v.constant().toLowerCase(Locale.ROOT));
            for (int n = 2; !pascals.add(pascal.toLowerCase(Locale.ROOT)); n++) {
                pascal = Names.typeName(v.constant().toLowerCase(Locale.ROOT)) + n;
            }
            values.add(Map.of("constant", v.constant(), "pascal", pascal, "value", v.value(),
                    "javaLiteral", Escapes.javaStringBody(v.value())));
        }
        m.put("values", values);
        m.put("permits", e.permits());
        m.put("discriminator", nz(e.discriminator()));
        m.put("discriminatorDoc", String.join(" ", docLines(e.discriminator())));
        List<Map<String, Object>> subtypes = new ArrayList<>();
        for (String p : e.permits()) {
            List<String> javaNames = new ArrayList<>();
            e.discriminatorValues().getOrDefault(p, List.of()).forEach(v -> javaNames.add(Escapes.javaString(v)));
            subtypes.add(Map.of("name", p, "names", javaNames));
        }
        m.put("subtypes", subtypes);
        m.put("unions", e.unions());
        m.put("hasDefaults", fields.stream().anyMatch(f -> !((String) f.get("defaultExpression")).isEmpty()));
        return m;
    }

    private static Map<String, Object> field(Field f, Enrichments.Answer validators,
                                             Map<String, Map<String, String>> enumConstants,
                                             Map<String, String> kinds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("pascalName", pascal(f.name()));
        m.put("jsonName", f.jsonName());
        m.put("type", f.type().type().id());
        m.put("target", nz(f.type().target()));
        m.put("targetKind", f.type().target() == null ? "" : kinds.getOrDefault(f.type().target(), ""));
        m.put("many", f.type().many());
        m.put("required", f.required());
        m.put("unique", f.unique());
        m.put("format", nz(f.type().format()));
        m.put("javaType", JavaTypes.javaType(f.type(), f.valueType()));
        TypeRef value = f.valueType() == null ? TypeRef.ANY : f.valueType();
        m.put("valueType", Map.of("type", value.type().id(), "target", nz(value.target()),
                "targetKind", value.target() == null ? "" : kinds.getOrDefault(value.target(), ""),
                "format", nz(value.format()), "many", value.many()));
        JsonNode answer = validators == null ? null : validators.value();
        m.put("annotations", JavaTypes.annotations(f, answer == null ? null : answer.path("constraints")));
        m.put("rules", ValidationRules.of(f, answer == null ? null : answer.path("constraints")));
        String example = answer == null ? "" : answer.path("example").asText("");
        m.put("example", example);
        m.put("exampleDoc", String.join(" ", docLines(example)));
        m.put("minLength", f.constraints().minLength() == null ? "" : f.constraints().minLength());
        m.put("maxLength", f.constraints().maxLength() == null ? "" : f.constraints().maxLength());
        m.put("minimum", f.constraints().minimum() == null ? "" : f.constraints().minimum().toPlainString());
        m.put("maximum", f.constraints().maximum() == null ? "" : f.constraints().maximum().toPlainString());
        m.put("pattern", nz(f.constraints().pattern()));
        m.put("description", nz(f.description()));
        m.put("docLines", docLines(f.description()));
        m.put("nullable", f.nullable());
        m.put("access", f.access().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("defaultJson", nz(f.defaultJson()));
        String defaultExpression = JavaTypes.defaultExpression(f,
                v -> enumConstants.getOrDefault(f.type().target(), Map.of()).get(v));
        m.put("defaultExpression", nz(defaultExpression));
        List<String> notes = new ArrayList<>();
        if (f.nullable()) {
            notes.add("May be null.");
        }
        if (f.access() == Field.Access.READ_ONLY) {
            notes.add("Read-only: sent in responses, ignored in requests.");
        } else if (f.access() == Field.Access.WRITE_ONLY) {
            notes.add("Write-only: accepted in requests, never sent in responses.");
        }
        if (f.defaultJson() != null) {
            String shown = f.defaultJson().length() > 200 ? f.defaultJson().substring(0, 197) + "..." : f.defaultJson();
            notes.add("Default: " + shown + (defaultExpression == null ? " (documented only)." : "."));
        }
        m.put("notes", docLines(String.join(" ", notes)));
        String access = switch (f.access()) {
            case READ_ONLY -> "access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY";
            case WRITE_ONLY -> "access = com.fasterxml.jackson.annotation.JsonProperty.Access.WRITE_ONLY";
            case READ_WRITE -> null;
        };
        String name = f.name().equals(f.jsonName()) ? null : Escapes.javaString(f.jsonName());
        m.put("jsonProperty", name == null && access == null ? "" : "@com.fasterxml.jackson.annotation.JsonProperty("
                + (name == null ? access : access == null ? name : "value = " + name + ", " + access) + ")");
        return m;
    }

    private static Map<String, Object> group(OperationGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("tag", g.tag());
        m.put("kebab", Names.kebab(g.name()));
        m.put("lowerName", Names.lowerName(g.name()));
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Operation o : g.operations()) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("id", o.id());
            om.put("method", o.method());
            om.put("path", o.path());
            om.put("summary", nz(o.summary()));
            List<Map<String, Object>> params = new ArrayList<>();
            for (Operation.Parameter p : o.parameters()) {
                params.add(Map.of("name", p.name(), "in", nz(p.in()), "required", p.required()));
            }
            om.put("parameters", params);
            ops.add(om);
        }
        m.put("operations", ops);
        return m;
    }

    /**
     * @param text a description, may be {@code null}
     * @return its lines, trimmed at the end, safe inside a Java/C block comment: {@code *}{@code /} cannot close
     *         the comment and backslashes are doubled (so {@code \}{@code u002a} is not a unicode escape)
     */
    static List<String> docLines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String safe = text.replace("\\", "\\\\").replace("*/", "*&#47;").replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        for (String line : safe.strip().split("\n")) {
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @return the answer's samples (JSON texts checked to be objects) re-serialised as one pretty JSON array */
    private static String samplesJson(JsonNode answer) {
        var array = PRETTY.createArrayNode();
        if (answer != null) {
            for (JsonNode s : answer.path("samples")) {
                try {
                    array.add(PRETTY.readTree(s.asText()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    // AnswerCheck rejected such answers; nothing to add
                }
            }
        }
        try {
            return PRETTY.writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param text a description, may be {@code null}
     * @return one line safe inside a Markdown table cell: whitespace collapsed, {@code |} escaped, HTML brackets
     *         and backticks neutralised, at most 300 characters
     */
    static String markdownCell(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = text.strip().replaceAll("\\s+", " ").replace("\\", "\\\\").replace("|", "\\|")
                .replace("<", "&lt;").replace(">", "&gt;").replace("`", "'");
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }

    /**
     * @param member a field's member name (a lowerCamelCase identifier, see {@link Names#memberName})
     * @return the same in UpperCamelCase, e.g. {@code createdAt} to {@code CreatedAt}; a name that starts with
     *         {@code _} gets an {@code X} in front ({@code _2fa} to {@code X_2fa}), so it starts with a capital letter
     *         (an exported Go identifier)
     */
    static String pascal(String member) {
        return member.startsWith("_") ? "X" + member : Character.toUpperCase(member.charAt(0)) + member.substring(1);
    }

    /**
     * @param f a field
     * @return whether it is its entity's identifier: the single field named {@code id} (docs/conformance.md, C4)
     */
    static boolean isId(Field f) {
        return f.name().equals("id") && !f.type().many();
    }

    /**
     * @param s a kebab-case name
     * @return its English plural, e.g. {@code order-line} to {@code order-lines}, {@code category} to
     *         {@code categories}: the collection path segment of every stack
     */
    static String plural(String s) {
        if (s.endsWith("s") || s.endsWith("x") || s.endsWith("z") || s.endsWith("ch") || s.endsWith("sh")) {
            return s + "es";
        }
        if (s.endsWith("y") && s.length() > 1 && "aeiou".indexOf(s.charAt(s.length() - 2)) < 0) {
            return s.substring(0, s.length() - 1) + "ies";
        }
        return s + "s";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
