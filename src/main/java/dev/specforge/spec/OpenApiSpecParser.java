package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Normalises an OpenAPI 3.0/3.1 document into the {@link ProjectModel}.
 *
 * <p>swagger-parser reads the document (reference resolution off, so external {@code $ref}s are never fetched) and
 * supplies the operations; the schemas under {@code components.schemas} are mapped from the document tree by
 * {@link SchemaMapper}, the mapping JSON Schema input shares (OpenAPI 3.0.3 section 4.7.24, Schema Object; OpenAPI
 * 3.1 uses JSON Schema 2020-12). Named schemas that are objects, string enums or unions of objects become entities;
 * other named schemas (arrays, primitives, maps) are aliases, replaced by their type where referenced. Then each
 * operation's request and response bodies are mapped by {@link OperationBodies} with the same mapper: inline body
 * schemas become entities named from the operation and the role ({@code CreatePetRequest},
 * {@code ListPets200Response}), counted in {@link ProjectModel.Source#inlineTypes()}.
 * Operations are grouped by their first tag ({@code default} when untagged). The parser object is stateless and
 * thread-safe.
 */
final class OpenApiSpecParser {

    private final SpecDefaults defaults;

    OpenApiSpecParser(SpecDefaults defaults) {
        this.defaults = defaults;
    }

    /**
     * @param root   an OpenAPI 3.x document tree
     * @param format the format to report ({@link SpecFormat#OPENAPI}, or {@link SpecFormat#SWAGGER} for a converted
     *               Swagger 2.0 document)
     * @param notes  warnings gathered before this step (e.g. from the Swagger 2.0 conversion)
     * @return the project model
     * @throws SpecException when swagger-parser cannot read the document as OpenAPI
     */
    ProjectModel parse(JsonNode root, SpecFormat format, List<String> notes) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        options.setValidateExternalRefs(false);
        SwaggerParseResult result = new OpenAPIV3Parser().parseJsonNode(null, root, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
            throw new SpecException("/", "not a valid OpenAPI document: " + String.join("; ", messages));
        }
        return map(api, root, root, format, notes);
    }

    /**
     * Maps a document swagger-parser has already read (e.g. the result of the Swagger 2.0 converter).
     *
     * @param api    the document model: supplies the project info and operations
     * @param root   the same document as a tree: supplies the schemas
     * @param input  the document as the user wrote it (bundled): what the generated service serves
     * @param format the format to report
     * @param notes  warnings gathered before this step
     * @return the project model
     */
    ProjectModel map(OpenAPI api, JsonNode root, JsonNode input, SpecFormat format, List<String> notes) {
        return new Mapping(api, root, input, defaults, format, notes).build();
    }

    /** One mapping run: all the mutable state of normalising one document. */
    private static final class Mapping {
        private final OpenAPI api;
        private final JsonNode root;
        private final JsonNode input;
        private final SpecDefaults defaults;
        private final SpecFormat format;
        private final List<String> warnings;

        Mapping(OpenAPI api, JsonNode root, JsonNode input, SpecDefaults defaults, SpecFormat format,
                List<String> notes) {
            this.api = api;
            this.root = root;
            this.input = input;
            this.defaults = defaults;
            this.format = format;
            this.warnings = new ArrayList<>(notes);
        }

        ProjectModel build() {
            String idKeyword = root.path("openapi").asText().startsWith("3.0") ? null : "$id";
            SchemaMapper mapper = new SchemaMapper(root, idKeyword, warnings);
            JsonNode schemas = root.path("components").path("schemas");
            Iterator<String> names = schemas.isObject() ? schemas.fieldNames() : java.util.Collections.emptyIterator();
            while (names.hasNext()) {
                String name = names.next();
                mapper.map("/components/schemas/" + SchemaMapper.escape(name), name);
            }
            // nested types of components.schemas claim their names first: a body type never renames them
            mapper.drain();
            HttpContracts contracts = new HttpContracts(root, warnings);
            List<OperationGroup> groups = operationGroups(new OperationBodies(root, mapper, warnings), contracts);
            List<Entity> entities = mapper.entities();
            int inlineTypes = mapper.declaredUnder(OperationBodies.INLINE_ROOTS);
            return new ProjectModel(projectInfo(), null,
                    // the key that named the format (openapi, swagger) is the format's id
                    new ProjectModel.Source(format, format.id(), inlineTypes),
                    entities, groups, Map.of(), warnings, SuggestedConstraints.DOCUMENT,
                    groups.isEmpty() ? null : contracts.build(input, usedByOperations(entities, groups)));
        }

        /**
         * The entities the operations use: their request and response body types and, transitively, the types of
         * those types' fields, map values, branches and supertypes; closed under every reference a generated type
         * makes, so generating only these compiles.
         */
        private static java.util.Set<String> usedByOperations(List<Entity> all, List<OperationGroup> groups) {
            Map<String, Entity> byName = new LinkedHashMap<>();
            all.forEach(e -> byName.put(e.name(), e));
            java.util.Set<String> used = new java.util.LinkedHashSet<>();
            java.util.Deque<String> todo = new java.util.ArrayDeque<>();
            for (OperationGroup g : groups) {
                for (Operation op : g.operations()) {
                    push(op.requestBody(), todo);
                    op.responses().forEach(r -> push(r.type(), todo));
                }
            }
            while (!todo.isEmpty()) {
                String name = todo.pop();
                Entity e = byName.get(name);
                if (e == null || !used.add(name)) {
                    continue;
                }
                for (Field f : e.fields()) {
                    push(f.type(), todo);
                    push(f.valueType(), todo);
                }
                todo.addAll(e.permits());
                todo.addAll(e.unions());
            }
            return used;
        }

        private static void push(TypeRef type, java.util.Deque<String> todo) {
            if (type != null && type.target() != null) {
                todo.push(type.target());
            }
        }

        private ProjectInfo projectInfo() {
            String title = api.getInfo() == null ? null : api.getInfo().getTitle();
            String name = Names.kebab(title);
            String version = api.getInfo() == null || api.getInfo().getVersion() == null ? ""
                    : api.getInfo().getVersion().replaceAll("[^A-Za-z0-9._-]", "");
            if (version.isEmpty() || !Character.isLetterOrDigit(version.charAt(0))) {
                version = defaults.version();
            }
            String group = defaults.group();
            String pkg = NativeSpecParser.packageName(group) + "." + Names.packageSegment(name);
            return new ProjectInfo(name, group, version,
                    api.getInfo() == null ? null : api.getInfo().getDescription(), pkg);
        }

        /** @param bodies maps each operation's request and response bodies, in the order operations are read */
        private List<OperationGroup> operationGroups(OperationBodies bodies, HttpContracts contracts) {
            if (api.getPaths() == null) {
                return List.of();
            }
            Names.Unique ids = new Names.Unique(warnings, "operation ids");
            Map<String, List<Operation>> byTag = new LinkedHashMap<>();
            for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
                PathItem item = path.getValue();
                for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> op
                        : item.readOperationsMap().entrySet()) {
                    String method = op.getKey().name().toLowerCase(java.util.Locale.ROOT);
                    io.swagger.v3.oas.models.Operation o = op.getValue();
                    String rawId = o.getOperationId() != null ? o.getOperationId() : method + " " + path.getKey();
                    String tag = o.getTags() == null || o.getTags().isEmpty() ? "default" : o.getTags().get(0);
                    List<Operation.Parameter> params = new ArrayList<>();
                    addParameters(item.getParameters(), params);
                    addParameters(o.getParameters(), params);
                    OperationBodies.Bodies types = bodies.map(path.getKey(), method, rawId);
                    String id = ids.claim(Names.memberName(rawId), o.getOperationId());
                    if (!method.equals("trace")) {
                        contracts.add(id, method, path.getKey());
                    }
                    byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(new Operation(
                            id, method, path.getKey(), o.getSummary(), params,
                            types.requestBody(), types.responses()));
                }
            }
            Names.Unique groupNames = new Names.Unique(warnings, "tags");
            List<OperationGroup> groups = new ArrayList<>();
            byTag.forEach((tag, ops) -> groups.add(new OperationGroup(groupNames.claim(Names.typeName(tag), tag), tag,
                    ops)));
            return groups;
        }

        private void addParameters(List<Parameter> in, List<Operation.Parameter> out) {
            if (in == null) {
                return;
            }
            for (Parameter p : in) {
                Parameter resolved = p;
                if (p.get$ref() != null && api.getComponents() != null && api.getComponents().getParameters() != null) {
                    String key = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
                    resolved = java.util.Objects.requireNonNullElse(api.getComponents().getParameters().get(key), p);
                }
                if (resolved.getName() != null) {
                    out.add(new Operation.Parameter(resolved.getName(), resolved.getIn(),
                            Boolean.TRUE.equals(resolved.getRequired())));
                }
            }
        }

    }
}
