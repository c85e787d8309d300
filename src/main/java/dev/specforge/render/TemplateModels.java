package dev.specforge.render;

import dev.specforge.lang.LanguageNames;
import dev.specforge.llm.Enrichments;
import dev.specforge.plan.FileTask;
import dev.specforge.plan.StackManifest;
import dev.specforge.spec.Entity;
import dev.specforge.spec.OperationGroup;
import dev.specforge.spec.ProjectModel;

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
 *   <li>{@code stack}: name, version, language (the manifest's {@code language:}), properties (the manifest's constants, with configuration overrides);</li>
 *   <li>{@code entities}, {@code objectEntities}, {@code enumEntities}, {@code unionEntities}: entity maps (for a spec
 *       with operations, only the types the operations use, {@link dev.specforge.spec.HttpContract#types()}, the
 *       ones the {@code entity:used} condition generates);</li>
 *   <li>{@code operationGroups}: group maps (name, tag, kebab, lowerName, operations);</li>
 *   <li>{@code features}: name to boolean; {@code format}: native, openapi, swagger or json_schema;</li>
 *   <li>{@code openapiJson} (project-scoped files only): the service's OpenAPI document as JSON text, to print as it
 *       is: for OpenAPI and Swagger input the input document bundled into one file, else the OpenAPI 3.1 document
 *       {@link ContractDocument} writes;</li>
 *   <li>{@code contractJson} (project-scoped files only): for OpenAPI and Swagger input, the run-time contract
 *       ({@link dev.specforge.spec.HttpContract#json()}, docs/stacks.md "contract.json"), else empty;
 *       {@code basePath} (every file): the path operations are served under ({@code ""} or e.g. {@code /api/v3});</li>
 *   <li>{@code entity} (entity scope) and {@code group} (operation-group scope); entity- and group-scoped files
 *       see only {@code project}, {@code stack}, {@code features}, {@code format}, their entity or group and
 *       {@code path}, so that their cached results depend on that slice alone ({@link Base#sliceDigest});</li>
 *   <li>functions {@code yamlString(text)}, {@code javaString(text)}, {@code jsString(text)} and
 *       {@code goString(text)}: quoted, escaped literals (see {@link Escapes}).</li>
 * </ul>
 * Names: the project model's names are language-neutral (the spec's words, see {@link dev.specforge.spec.Names}); the
 * identifiers in these maps ({@code name}, {@code varName}, a field's {@code name}, {@code target},
 * {@code permits}, {@code unions}, an operation's {@code id}) are those of the stack's {@code language:}
 * ({@link dev.specforge.lang.LanguageNames}); {@code kebab}, {@code lowerName}, {@code plural} and a field's
 * {@code pascalName} and {@code jsonName} are made from the neutral names, the same in every language.
 *
 * <p>An entity map has name, varName, kebab, lowerName, plural, sourceName, kind (object, enum or union),
 * description, docLines, fields, values (constant, pascal, value), permits (a union's branch entity names),
 * discriminator (a union's discriminator property, or empty) and discriminatorDoc (the same, safe in a block
 * comment), unions (the unions and supertypes an entity is a direct branch of), supertype (whether a union is the
 * supertype of schemas that extend it through {@code allOf}; its fields are the shared ones), concrete (for a union:
 * each object entity a value may be, through nested unions too, as name and values, its discriminator values as
 * written in the spec, empty without a discriminator), hasId; a field map has name, pascalName, jsonName, type,
 * target, targetKind, valueType (type, target, targetKind, format, many), many, required, unique, format, rules
 * (language-neutral validation, see {@link ValidationRules}), minLength, maxLength, minimum, maximum, pattern,
 * description, docLines, nullable, access (read-write, read-only or write-only), defaultJson (the spec's default as
 * JSON) and notes (comment lines on nullability, access, the default and the field-validators suggestions that are
 * not enforced). The language's
 * {@link LanguageCustomizer} adds its own keys: for Java ({@link JavaCustomizer}) javaType, annotations,
 * defaultExpression, jsonProperty, idType, hasDefaults, a value's javaLiteral and subtypes; for Go
 * ({@link GoCustomizer}) an entity's packageName. Absent values are empty strings.
 * {@code docLines} are the description split into lines and made safe for a block comment.
 *
 * <p>Enrichment slots (filled from the answers of the kinds an output declares; see {@code EnrichmentKind}): an
 * entity's {@code docLines} and {@code summary} (one line, safe in a Markdown table cell) use the entity-docs answer
 * when the spec has no description; {@code samplesJson} is the sample-data answer as a pretty JSON array
 * ({@code []} when absent); a field's {@code rules} (and Java's {@code annotations}, made from them) add the
 * field-validators constraints to the spec's only when the model enforces suggestions
 * ({@link ProjectModel#enforcesSuggestions()}), else its {@code notes} end with them ("Suggested (not enforced):
 * ..."); {@code example} / {@code exampleDoc} hold its example value (raw, and safe for a block comment). Answers are
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
    private static final java.util.Set<String> SCOPED = java.util.Set.of("project", "stack", "features", "format", "basePath",
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
        project.put("description", ModelTexts.nz(model.project().description()));
        project.put("docLines", ModelTexts.docLines(model.project().description()));
        project.put("packageName", model.project().packageName());
        project.put("packagePath", model.project().packagePath());
        root.put("project", project);
        root.put("stack", Map.of("name", stack.name(), "version", stack.version(), "language", stack.language().id(),
                "properties", stack.properties()));
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> objects = new ArrayList<>();
        List<Map<String, Object>> enums = new ArrayList<>();
        List<Map<String, Object>> unions = new ArrayList<>();
        Map<String, Map<String, Object>> byName = new HashMap<>();
        Map<String, Map<String, String>> enumConstants = new HashMap<>();
        Map<String, String> kinds = new HashMap<>();
        Map<String, Entity> entities = new HashMap<>();
        LanguageNames names = LanguageNames.of(model, stack.language());
        for (Entity e : model.entities()) {
            kinds.put(e.name(), e.kind().name().toLowerCase(Locale.ROOT));
            entities.put(e.name(), e);
            if (e.kind() == Entity.Kind.ENUM) {
                Map<String, String> constants = new HashMap<>();
                e.values().forEach(v -> constants.put(v.value(), v.constant()));
                enumConstants.put(e.name(), constants);
            }
        }
        EntityModels maps = new EntityModels(LanguageCustomizer.of(stack.language()),
                new LanguageCustomizer.Context(names, enumConstants, entities), kinds, model.enforcesSuggestions());
        for (Entity e : model.entities()) {
            Map<String, Object> m = maps.entity(e, answers);
            byName.put(e.name(), m);
            if (model.http() != null && !model.http().uses(e.name())) {
                continue; // a type no operation uses: entity-scoped files may still see it, the lists do not
            }
            all.add(m);
            switch (e.kind()) {
                case ENUM -> enums.add(m);
                case UNION -> unions.add(m);
                case OBJECT -> objects.add(m);
            }
        }
        root.put("entities", all);
        root.put("objectEntities", objects);
        root.put("enumEntities", enums);
        root.put("unionEntities", unions);
        List<Map<String, Object>> groups = new ArrayList<>();
        Map<String, Map<String, Object>> groupByName = new HashMap<>();
        for (OperationGroup g : model.operationGroups()) {
            Map<String, Object> m = maps.group(g);
            groups.add(m);
            groupByName.put(g.name(), m);
        }
        root.put("operationGroups", groups);
        Map<String, Object> features = new HashMap<>(model.features());
        features.putIfAbsent("docker", Boolean.TRUE);
        root.put("features", features);
        root.put("format", model.format().id());
        // OpenAPI input: the service serves the user's own document and is driven by its contract.json
        root.put("openapiJson", model.http() != null ? model.http().document() : ContractDocument.json(model, answers));
        root.put("contractJson", model.http() == null ? "" : model.http().json());
        root.put("basePath", model.http() == null ? "" : model.http().basePath());
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
}
