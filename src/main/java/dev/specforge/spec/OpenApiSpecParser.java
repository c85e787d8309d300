package dev.specforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Normalises an OpenAPI 3.0/3.1 document into the {@link ProjectModel}.
 *
 * <p>The document model comes from swagger-parser with reference resolution off, so external {@code $ref}s are
 * never fetched (they become {@code Object} with a warning). Mapping (OpenAPI 3.0.3 section 4.7.24, Schema Object):
 * <ul>
 *   <li>object schemas in {@code components.schemas} become entities; {@code allOf} parts are merged
 *       (properties and {@code required}); string {@code enum} schemas become enum entities;</li>
 *   <li>other named schemas (arrays, primitives, maps) are aliases, replaced by their type where referenced;</li>
 *   <li>inline objects with properties and inline string enums become their own entities named
 *       {@code <Owner><Property>};</li>
 *   <li>{@code oneOf}/{@code anyOf} with more than one non-null branch become {@code Object}, with a warning;</li>
 *   <li>{@code $ref} cycles are fine: references are by name.</li>
 * </ul>
 * Operations are grouped by their first tag ({@code default} when untagged). Not thread-safe per call; the
 * parser object itself is stateless and thread-safe.
 */
final class OpenApiSpecParser {

    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    private final SpecDefaults defaults;

    OpenApiSpecParser(SpecDefaults defaults) {
        this.defaults = defaults;
    }

    ProjectModel parse(JsonNode root) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        options.setValidateExternalRefs(false);
        SwaggerParseResult result = new OpenAPIV3Parser().parseJsonNode(null, root, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
            throw new SpecException("/", "not a valid OpenAPI document: " + String.join("; ", messages));
        }
        return new Mapping(api, defaults).build();
    }

    /** One mapping run: all the mutable state of normalising one document. */
    private static final class Mapping {
        private final OpenAPI api;
        private final SpecDefaults defaults;
        private final Map<String, Schema<?>> schemas = new LinkedHashMap<>();
        private final Map<String, String> entityBySchema = new HashMap<>();
        private final Map<String, Entity.Kind> kindBySchema = new HashMap<>();
        private final Map<String, Mapped> aliasCache = new HashMap<>();
        private final Set<String> resolvingAliases = new HashSet<>();
        private final Names.Unique typeNames = new Names.Unique();
        private final Deque<Pending> pending = new ArrayDeque<>();
        private final List<Entity> entities = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Mapping(OpenAPI api, SpecDefaults defaults) {
            this.api = api;
            this.defaults = defaults;
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().forEach((k, v) -> schemas.put(k, v));
            }
        }

        ProjectModel build() {
            for (Map.Entry<String, Schema<?>> e : schemas.entrySet()) {
                Entity.Kind kind = classify(e.getValue());
                if (kind != null) {
                    String name = typeNames.claim(Names.typeName(e.getKey()));
                    entityBySchema.put(e.getKey(), name);
                    kindBySchema.put(e.getKey(), kind);
                    pending.add(new Pending(name, e.getKey(), e.getValue(), kind, SCHEMA_PREFIX + e.getKey()));
                }
            }
            while (!pending.isEmpty()) {
                Pending p = pending.poll();
                entities.add(p.kind == Entity.Kind.ENUM ? enumEntity(p) : objectEntity(p));
            }
            return new ProjectModel(projectInfo(), null, SpecFormat.OPENAPI, entities, operationGroups(),
                    Map.of(), warnings);
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

        /** @return the entity kind of a named schema, or {@code null} for an alias */
        private Entity.Kind classify(Schema<?> s) {
            if (s.get$ref() != null) {
                return null;
            }
            if (isStringEnum(s)) {
                return Entity.Kind.ENUM;
            }
            boolean hasProps = s.getProperties() != null && !s.getProperties().isEmpty();
            boolean hasAllOf = s.getAllOf() != null && !s.getAllOf().isEmpty();
            if (hasProps || (hasAllOf && !(s.getAllOf().size() == 1 && !hasProps))) {
                return Entity.Kind.OBJECT;
            }
            return null;
        }

        private Entity enumEntity(Pending p) {
            Names.Unique constants = new Names.Unique();
            List<Entity.EnumValue> values = new ArrayList<>();
            for (Object v : p.schema.getEnum()) {
                if (v != null) {
                    values.add(new Entity.EnumValue(constants.claim(Names.constantName(v.toString())), v.toString()));
                }
            }
            return new Entity(p.name, p.source, Entity.Kind.ENUM, p.schema.getDescription(), List.of(), values);
        }

        private Entity objectEntity(Pending p) {
            Map<String, Schema<?>> props = new LinkedHashMap<>();
            Set<String> required = new LinkedHashSet<>();
            collect(p.schema, props, required, new HashSet<>(), p.pointer);
            Names.Unique fieldNames = new Names.Unique();
            List<Field> fields = new ArrayList<>();
            for (Map.Entry<String, Schema<?>> prop : props.entrySet()) {
                String at = p.pointer + "/properties/" + prop.getKey();
                Mapped m = typeOf(prop.getValue(), p.name, prop.getKey(), at);
                fields.add(new Field(fieldNames.claim(Names.memberName(prop.getKey())), prop.getKey(), m.type,
                        m.valueType, required.contains(prop.getKey()), false, constraints(prop.getValue(), at),
                        prop.getValue() == null ? null : prop.getValue().getDescription()));
            }
            return new Entity(p.name, p.source, Entity.Kind.OBJECT, p.schema.getDescription(), fields, List.of());
        }

        /** Merges the properties and required names of a schema, following allOf parts and their $refs. */
        private void collect(Schema<?> s, Map<String, Schema<?>> props, Set<String> required, Set<String> visited,
                             String at) {
            if (s == null) {
                return;
            }
            if (s.get$ref() != null) {
                String name = schemaName(s.get$ref());
                if (name == null || !schemas.containsKey(name)) {
                    warn("allOf part " + s.get$ref() + " cannot be resolved; its properties are left out", at);
                } else if (visited.add(name)) {
                    collect(schemas.get(name), props, required, visited, SCHEMA_PREFIX + name);
                }
                return;
            }
            if (s.getAllOf() != null) {
                for (int i = 0; i < s.getAllOf().size(); i++) {
                    collect(s.getAllOf().get(i), props, required, visited, at + "/allOf/" + i);
                }
            }
            if (s.getProperties() != null) {
                s.getProperties().forEach((k, v) -> props.put(k, v));
            }
            if (s.getRequired() != null) {
                required.addAll(s.getRequired());
            }
        }

        private Mapped typeOf(Schema<?> s, String owner, String prop, String at) {
            if (s == null) {
                return Mapped.ANY;
            }
            if (s.get$ref() != null) {
                return refType(s.get$ref(), at);
            }
            boolean hasProps = s.getProperties() != null && !s.getProperties().isEmpty();
            if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
                if (s.getAllOf().size() == 1 && !hasProps) {
                    return typeOf(s.getAllOf().get(0), owner, prop, at + "/allOf/0");
                }
                return nested(owner, prop, s, Entity.Kind.OBJECT, at);
            }
            List<Schema> union = s.getOneOf() != null && !s.getOneOf().isEmpty() ? s.getOneOf()
                    : s.getAnyOf() != null && !s.getAnyOf().isEmpty() ? s.getAnyOf() : null;
            if (union != null) {
                List<Schema> nonNull = union.stream().filter(b -> !"null".equals(type(b))).toList();
                if (nonNull.size() == 1) {
                    return typeOf(nonNull.get(0), owner, prop, at);
                }
                warn((s.getOneOf() != null ? "oneOf" : "anyOf") + " with " + nonNull.size()
                        + " branches mapped to Object", at);
                return Mapped.ANY;
            }
            if (isStringEnum(s)) {
                return nested(owner, prop, s, Entity.Kind.ENUM, at);
            }
            String type = type(s);
            if (type == null && hasProps) {
                type = "object";
            }
            if (type == null) {
                return Mapped.ANY;
            }
            String format = s.getFormat();
            switch (type) {
                case "array": {
                    Mapped item = typeOf(s.getItems(), owner, prop + "Item", at + "/items");
                    if (item.type.many()) {
                        warn("array of arrays mapped to a list of Object", at);
                        return new Mapped(TypeRef.ANY.asList(), null);
                    }
                    return new Mapped(item.type.asList(), item.valueType);
                }
                case "object": {
                    if (hasProps) {
                        return nested(owner, prop, s, Entity.Kind.OBJECT, at);
                    }
                    Object ap = s.getAdditionalProperties();
                    TypeRef value = TypeRef.ANY;
                    if (ap instanceof Schema<?> apSchema) {
                        Mapped v = typeOf(apSchema, owner, prop + "Value", at + "/additionalProperties");
                        if (v.type.type() == FieldType.MAP) {
                            warn("map of maps mapped to a map of Object", at);
                        } else {
                            value = v.type;
                        }
                    }
                    return new Mapped(new TypeRef(FieldType.MAP, null, format, false), value);
                }
                case "string":
                    if ("date".equals(format)) {
                        return Mapped.of(new TypeRef(FieldType.DATE, null, format, false));
                    }
                    if ("date-time".equals(format)) {
                        return Mapped.of(new TypeRef(FieldType.DATETIME, null, format, false));
                    }
                    if ("uuid".equals(format)) {
                        return Mapped.of(new TypeRef(FieldType.UUID, null, format, false));
                    }
                    return Mapped.of(new TypeRef(FieldType.STRING, null, format, false));
                case "integer":
                    return Mapped.of(new TypeRef("int64".equals(format) ? FieldType.LONG : FieldType.INTEGER, null,
                            format, false));
                case "number":
                    return Mapped.of(new TypeRef("float".equals(format) || "double".equals(format)
                            ? FieldType.DOUBLE : FieldType.DECIMAL, null, format, false));
                case "boolean":
                    return Mapped.of(new TypeRef(FieldType.BOOLEAN, null, format, false));
                default:
                    return Mapped.ANY;
            }
        }

        private Mapped refType(String ref, String at) {
            String name = schemaName(ref);
            if (name == null || !schemas.containsKey(name)) {
                warn("$ref " + ref + " is not a schema in this document and is not fetched; mapped to Object", at);
                return Mapped.ANY;
            }
            String entity = entityBySchema.get(name);
            if (entity != null) {
                FieldType t = kindBySchema.get(name) == Entity.Kind.ENUM ? FieldType.ENUM : FieldType.REF;
                return Mapped.of(new TypeRef(t, entity, null, false));
            }
            Mapped cached = aliasCache.get(name);
            if (cached != null) {
                return cached;
            }
            if (!resolvingAliases.add(name)) {
                warn("schema " + name + " is an alias that refers to itself; mapped to Object", at);
                return Mapped.ANY;
            }
            try {
                Mapped m = typeOf(schemas.get(name), Names.typeName(name), "", SCHEMA_PREFIX + name);
                aliasCache.put(name, m);
                return m;
            } finally {
                resolvingAliases.remove(name);
            }
        }

        private Mapped nested(String owner, String prop, Schema<?> s, Entity.Kind kind, String at) {
            String name = typeNames.claim(owner + Names.typeName(prop));
            pending.add(new Pending(name, at, s, kind, at));
            return Mapped.of(new TypeRef(kind == Entity.Kind.ENUM ? FieldType.ENUM : FieldType.REF, name, null,
                    false));
        }

        private Constraints constraints(Schema<?> s, String at) {
            if (s == null) {
                return Constraints.NONE;
            }
            String pattern = s.getPattern();
            if (pattern != null) {
                try {
                    java.util.regex.Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    warn("pattern is not a valid Java regular expression and is left out (" + e.getDescription()
                            + ")", at);
                    pattern = null;
                }
            }
            return new Constraints(s.getMinLength(), s.getMaxLength(), s.getMinimum(), s.getMaximum(), pattern);
        }

        private List<OperationGroup> operationGroups() {
            if (api.getPaths() == null) {
                return List.of();
            }
            Names.Unique ids = new Names.Unique();
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
                    byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(new Operation(
                            ids.claim(Names.memberName(rawId)), method, path.getKey(), o.getSummary(), params));
                }
            }
            Names.Unique groupNames = new Names.Unique();
            List<OperationGroup> groups = new ArrayList<>();
            byTag.forEach((tag, ops) -> groups.add(new OperationGroup(groupNames.claim(Names.typeName(tag)), tag, ops)));
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
                    resolved = Objects.requireNonNullElse(api.getComponents().getParameters().get(key), p);
                }
                if (resolved.getName() != null) {
                    out.add(new Operation.Parameter(resolved.getName(), resolved.getIn(),
                            Boolean.TRUE.equals(resolved.getRequired())));
                }
            }
        }

        private void warn(String what, String at) {
            warnings.add(what + " at " + at);
        }
    }

    private static boolean isStringEnum(Schema<?> s) {
        String t = type(s);
        return s.getEnum() != null && !s.getEnum().isEmpty() && (t == null || "string".equals(t));
    }

    /** @return the schema's type: OpenAPI 3.0 {@code type}, or the first non-null entry of 3.1's type array */
    private static String type(Schema<?> s) {
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            for (String t : s.getTypes()) {
                if (!"null".equals(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    /** @return the unescaped schema name of a local {@code #/components/schemas/} reference, else {@code null} */
    static String schemaName(String ref) {
        if (!ref.startsWith(SCHEMA_PREFIX)) {
            return null;
        }
        String raw = ref.substring(SCHEMA_PREFIX.length());
        if (raw.contains("/")) {
            return null;
        }
        String decoded = raw.contains("%") ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw;
        return decoded.replace("~1", "/").replace("~0", "~");
    }

    private record Pending(String name, String source, Schema<?> schema, Entity.Kind kind, String pointer) {
    }

    private record Mapped(TypeRef type, TypeRef valueType) {
        static final Mapped ANY = new Mapped(TypeRef.ANY, null);

        static Mapped of(TypeRef t) {
            return new Mapped(t, null);
        }
    }
}
