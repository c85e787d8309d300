package dev.specforge.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Maps schemas, as a Jackson tree, to the entities of the {@link ProjectModel}: the one mapping shared by JSON
 * Schema documents (draft-04, 06, 07, 2019-09, 2020-12) and the Schema Objects of OpenAPI 3.0/3.1 (and of Swagger
 * 2.0 after conversion).
 *
 * <p>Rules (JSON Schema Core and Validation 2020-12; OpenAPI 3.0.3 section 4.7.24; every rule that loses
 * information adds a warning naming the JSON pointer):
 * <ul>
 *   <li>a schema with {@code properties} (directly or through {@code allOf}) is an object entity; {@code allOf}
 *       parts are merged (properties and {@code required}); a property the parts give different types takes
 *       their common supertype (warning);</li>
 *   <li>a named schema that others extend through an {@code allOf} {@code $ref} part, and that has a
 *       discriminator (its own or an ancestor's), is a <em>supertype</em>: a union entity with the shared
 *       fields, whose branches are its direct subtypes (OpenAPI 3.0.3 section 4.7.25, "Models with Polymorphism
 *       Support"); a named schema that only extends another ({@code allOf} of one {@code $ref}) is a type of its
 *       own;</li>
 *   <li>an {@code allOf} with a {@code oneOf}/{@code anyOf} part of objects is a union entity with one object
 *       branch per union branch, each the composition of that branch and the other parts;</li>
 *   <li>a string {@code enum} is an enum entity; a non-string {@code enum} or a {@code const} keeps its base type
 *       (warning: values not enforced);</li>
 *   <li>a {@code oneOf}/{@code anyOf} whose non-null branches are all objects is a union entity (a sealed interface
 *       in Java); a {@code null} branch makes the type nullable; any other union is {@code Object} (warning);</li>
 *   <li>an object with only {@code additionalProperties}/{@code patternProperties} is a map of their value type;</li>
 *   <li>tuple {@code items} arrays (draft-04 to 2019-09) and {@code prefixItems} (2020-12) become a list of the
 *       common item type, or of {@code Object} (warning);</li>
 *   <li>formats: {@code date}, {@code date-time}, {@code uuid}, {@code uri}/{@code uri-reference}, {@code email},
 *       {@code byte}/{@code binary}, {@code int32}/{@code int64}, {@code float}/{@code double};</li>
 *   <li>{@code $ref}: local JSON pointers, {@code $id}/{@code id}-based references and {@code $anchor}s inside the
 *       document; anything else is external, never fetched, and becomes {@code Object} (warning). Multi-file
 *       bundles are flattened into one document before this mapping ({@link SpecBundle});</li>
 *   <li>references are by name, so {@code $ref} cycles are fine.</li>
 * </ul>
 * One instance maps one document; not thread-safe.
 */
final class SchemaMapper {

    /** Keywords whose values are data, not schemas: never searched for {@code $id}. */
    private static final Set<String> DATA_KEYWORDS = Set.of("enum", "const", "default", "examples", "example",
            "x-examples");
    /** Keywords that would shape a value, ignored when they stand beside a {@code $ref}: each is a warning. */
    private static final Set<String> BESIDE_REF = new LinkedHashSet<>(List.of("properties", "patternProperties",
            "additionalProperties", "allOf", "oneOf", "anyOf", "items", "prefixItems", "enum", "const"));
    /** Keywords whose value is a map from names to schemas. */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas", "schemas");

    /**
     * Most fields an entity keeps: a Java record's canonical constructor takes at most 255 parameters (JVMS 4.3.3),
     * and generated stacks must compile. Further properties are dropped with a warning.
     */
    static final int MAX_FIELDS = 250;

    private final JsonNode root;
    private final String idKeyword;
    private final URI rootBase;
    private final Map<String, String> resources = new HashMap<>();
    private final Map<String, URI> baseByPointer = new HashMap<>();
    private final Names.Unique typeNames;
    private final Map<String, Mapped> done = new HashMap<>();
    private final Map<String, Entity.Kind> kinds = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final List<String> warnings;
    /** Named schemas to the named schemas they extend through an {@code allOf} {@code $ref} part, in order. */
    private final Map<String, List<String>> parents = new LinkedHashMap<>();
    /** Named schemas to the named schemas that extend them, in document order. */
    private final Map<String, List<String>> children = new LinkedHashMap<>();
    /** Named schemas whose base is being classified (an {@code allOf} cycle ends there). */
    private final Set<String> extending = new HashSet<>();

    /**
     * @param root      the whole document (pointers are relative to it)
     * @param idKeyword the keyword that names schema resources: {@code $id} (JSON Schema draft-06 and later,
     *                  OpenAPI 3.1), {@code id} (draft-04), or {@code null} (OpenAPI 3.0, which has none)
     * @param warnings  where lossy decisions are added, as "what at #pointer"
     */
    SchemaMapper(JsonNode root, String idKeyword, List<String> warnings) {
        this.root = root;
        this.idKeyword = idKeyword;
        this.warnings = warnings;
        this.typeNames = new Names.Unique(warnings, "schema names");
        URI base = URI.create("specforge:/document.json");
        JsonNode id = idKeyword == null ? null : root.get(idKeyword);
        if (id != null && id.isTextual()) {
            try {
                base = resolve(base, new URI(id.textValue()));
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                warn(idKeyword + " '" + id.textValue() + "' is not a URI; ignored", "/" + escape(idKeyword));
            }
        }
        this.rootBase = withoutFragment(base);
        resources.put(rootBase.toString(), "");
        index(root, "", rootBase);
        indexInheritance();
    }

    /**
     * Maps the schema at a pointer, declaring an entity for it when it is one.
     *
     * @param pointer a JSON pointer into the document, e.g. {@code /$defs/Address}
     * @param hint    the raw name for an entity made from it (a schema name, or owner plus property)
     * @return the field type it maps to
     */
    Mapped map(String pointer, String hint) {
        Mapped known = done.get(pointer);
        if (known != null) {
            return known;
        }
        JsonNode s = root.at(JsonPointer.compile(pointer));
        return map(s, pointer, hint);
    }

    /** @return the entities, in the order they were declared; call once, after the last {@link #map} */
    List<Entity> entities() {
        drain();
        List<Entity> out = new ArrayList<>();
        for (Draft d : drafts.values()) {
            Map<String, List<String>> tags = new LinkedHashMap<>();
            d.tags.forEach((k, v) -> tags.put(k, List.copyOf(v)));
            out.add(new Entity(d.name, d.source, d.kind, d.description, d.fields, d.values, List.copyOf(d.permits),
                    List.copyOf(d.unions), d.discriminator, tags));
        }
        return out;
    }

    /**
     * @param prefixes pointer prefixes, e.g. {@code /paths/}
     * @return how many of the entities declared so far were made from a schema whose pointer starts with one of them
     */
    int declaredUnder(List<String> prefixes) {
        return (int) drafts.values().stream().filter(d -> prefixes.stream().anyMatch(d.pointer::startsWith)).count();
    }

    /** @return whether the schema at a pointer became an entity, and its name; else {@code null} */
    String entityAt(String pointer) {
        Mapped m = done.get(pointer);
        return m != null && (m.type.type() == FieldType.REF || m.type.type() == FieldType.ENUM) && !m.type.many()
                ? m.type.target() : null;
    }

    private Mapped map(JsonNode s, String ptr, String hint) {
        Mapped known = done.get(ptr);
        if (known != null) {
            return known;
        }
        if (s == null || s.isMissingNode() || !s.isObject()) {
            return Mapped.ANY;
        }
        if (refOf(s) != null) {
            JsonNode ref = s.get("$ref");
            String target = resolve(ptr, ref.textValue());
            if (target == null) {
                warn("$ref " + ref.textValue() + " is not in this document and is not fetched (external references"
                        + " never are); mapped to Object", ptr);
                return Mapped.ANY;
            }
            if (!resolving.add(ptr)) {
                warn("$ref " + ref.textValue() + " refers to itself through aliases; mapped to Object", ptr);
                return Mapped.ANY;
            }
            List<String> beside = new ArrayList<>();
            s.fieldNames().forEachRemaining(k -> {
                if (BESIDE_REF.contains(k)) {
                    beside.add(k);
                }
            });
            if (!beside.isEmpty()) {
                warn(String.join(", ", beside) + " beside $ref " + abbreviate(ref.textValue()) + " ignored (JSON Schema"
                        + " draft-07 section 8.3 and OpenAPI 3.0: a $ref object is only the reference)", ptr);
            }
            try {
                Mapped m = map(target, nameOf(target, hint));
                Mapped r = nullable(s) ? m.asNullable() : m;
                done.put(ptr, r);
                return r;
            } finally {
                resolving.remove(ptr);
            }
        }
        String inner = delegate(s, ptr);
        if (inner != null) {
            if (!resolving.add(ptr)) {
                warn("schema refers to itself through a single allOf/oneOf/anyOf branch; mapped to Object", ptr);
                return Mapped.ANY;
            }
            try {
                Mapped m = map(root.at(JsonPointer.compile(inner)), inner, hint);
                Draft wrapped = m.type.target() == null ? null : drafts.get(m.type.target());
                if (wrapped != null && isNamed(ptr) && wrapped.pointer.startsWith(ptr + "/")) {
                    wrapped.source = sourceName(ptr); // an inline part only this named schema wraps: its type
                }
                Mapped r = nullable(s) || union(s) != null && nonNullBranches(s.get(union(s))).size()
                        < s.get(union(s)).size() ? m.asNullable() : m;
                done.put(ptr, r);
                return r;
            } finally {
                resolving.remove(ptr);
            }
        }
        Entity.Kind kind = classify(ptr, s, new HashSet<>());
        if (kind != null) {
            String raw = hint == null || hint.isBlank() ? title(s, "Root") : hint;
            String name = typeNames.claim(Names.typeName(raw), isNamed(ptr) ? sourceName(ptr) : null);
            FieldType t = kind == Entity.Kind.ENUM ? FieldType.ENUM : FieldType.REF;
            Mapped m = new Mapped(new TypeRef(t, name, null, false), null, nullable(s) || enumHasNull(s));
            done.put(ptr, m);
            kinds.put(name, kind);
            drafts.put(name, new Draft(name, ptr, sourceName(ptr), kind, s.path("description").textValue()));
            pending.add(new Pending(name, ptr, s, kind));
            return m;
        }
        if (!resolving.add(ptr)) {
            warn("schema refers to itself through aliases; mapped to Object", ptr);
            return Mapped.ANY;
        }
        try {
            Mapped m = alias(s, ptr, hint);
            done.put(ptr, m);
            return m;
        } finally {
            resolving.remove(ptr);
        }
    }

    /**
     * @return the pointer of the one subschema a schema is only a wrapper of (a single {@code allOf} part, or the
     *         single non-null branch of a {@code oneOf}/{@code anyOf}, with no properties beside), else {@code null}
     */
    private String delegate(JsonNode s, String ptr) {
        if (hasProperties(s)) {
            return null;
        }
        JsonNode allOf = nonEmptyArray(s, "allOf");
        String unionKey = union(s);
        if (allOf != null && allOf.size() == 1 && unionKey == null) {
            return extendsObject(ptr) ? null : ptr + "/allOf/0";
        }
        if (allOf == null && unionKey != null) {
            List<Integer> branches = nonNullBranches(s.get(unionKey));
            if (branches.size() == 1) {
                return ptr + "/" + unionKey + "/" + branches.get(0);
            }
        }
        return null;
    }

    /** @return the entity kind of a schema, or {@code null} when it is an alias of another type */
    private Entity.Kind classify(String ptr, JsonNode s, Set<String> visited) {
        if (s == null || !s.isObject() || !visited.add(ptr)) {
            return null;
        }
        if (refOf(s) != null) {
            JsonNode ref = s.get("$ref");
            String target = resolve(ptr, ref.textValue());
            if (target == null) {
                return null;
            }
            Mapped m = done.get(target);
            if (m != null) {
                return m.type.many() || m.type.target() == null ? null : kinds.get(m.type.target());
            }
            return classify(target, root.at(JsonPointer.compile(target)), visited);
        }
        String inner = delegate(s, ptr);
        if (inner != null) {
            return classify(inner, root.at(JsonPointer.compile(inner)), visited);
        }
        boolean props = hasProperties(s);
        JsonNode allOf = nonEmptyArray(s, "allOf");
        if ((props || allOf != null) && isSupertype(ptr)) {
            return Entity.Kind.UNION;
        }
        if (allOf != null) {
            if (props) {
                return Entity.Kind.OBJECT;
            }
            if (composedUnionPart(ptr, allOf, visited) >= 0) {
                return Entity.Kind.UNION;
            }
            for (int i = 0; i < allOf.size(); i++) {
                String part = ptr + "/allOf/" + i;
                Entity.Kind k = classify(part, allOf.get(i), new HashSet<>(visited));
                if (k == Entity.Kind.OBJECT || k == Entity.Kind.UNION && isSupertype(targetPointer(allOf.get(i), part))) {
                    return Entity.Kind.OBJECT;
                }
            }
            return null;
        }
        if (props) {
            return Entity.Kind.OBJECT;
        }
        String unionKey = union(s);
        if (unionKey != null) {
            for (int i : nonNullBranches(s.get(unionKey))) {
                Entity.Kind k = classify(ptr + "/" + unionKey + "/" + i, s.get(unionKey).get(i),
                        new HashSet<>(visited));
                if (k != Entity.Kind.OBJECT && k != Entity.Kind.UNION) {
                    return null;
                }
            }
            return Entity.Kind.UNION;
        }
        if (isStringEnum(s)) {
            return Entity.Kind.ENUM;
        }
        return null;
    }

    /** Maps a schema that is not an entity: a primitive, array, map, or a union that cannot be one. */
    private Mapped alias(JsonNode s, String ptr, String hint) {
        boolean nullable = nullable(s);
        JsonNode allOf = nonEmptyArray(s, "allOf");
        if (allOf != null) {
            for (int i = 0; i < allOf.size(); i++) {
                Mapped part = map(allOf.get(i), ptr + "/allOf/" + i, hint);
                if (part != Mapped.ANY) {
                    if (allOf.size() > 1) {
                        warn("allOf of " + allOf.size() + " non-object parts mapped to its part " + i
                                + "; the other parts' constraints are not applied", ptr);
                    }
                    return nullable ? part.asNullable() : part;
                }
            }
        }
        String unionKey = union(s);
        if (unionKey != null) {
            JsonNode branches = s.get(unionKey);
            List<Integer> nonNull = nonNullBranches(branches);
            boolean withNull = nonNull.size() < branches.size();
            if (nonNull.size() == 1) {
                int i = nonNull.get(0);
                Mapped m = map(branches.get(i), ptr + "/" + unionKey + "/" + i, hint);
                return withNull || nullable ? m.asNullable() : m;
            }
            List<Mapped> mapped = new ArrayList<>();
            for (int i : nonNull) {
                mapped.add(map(branches.get(i), ptr + "/" + unionKey + "/" + i, hint + "Option" + (i + 1)));
            }
            TypeRef common = commonType(mapped);
            if (common != null && nonNull.size() > 0) {
                warn(unionKey + " with " + nonNull.size() + " branches of the same type mapped to "
                        + describe(common) + "; the branches' differences are not enforced", ptr);
                return new Mapped(common, mapped.get(0).valueType, withNull || nullable);
            }
            warn(unionKey + " with " + nonNull.size() + " branches that are not all objects mapped to Object",
                    ptr);
            return new Mapped(TypeRef.ANY, null, withNull || nullable);
        }
        if (s.has("enum") && !isStringEnum(s)) {
            warn("enum of non-string values mapped to its base type; the values are not enforced", ptr);
        }
        if (s.has("const")) {
            warn("const " + abbreviate(s.get("const").toString()) + " mapped to its base type; the value is not"
                    + " enforced", ptr);
        }
        if (s.has("not")) {
            warn("not is not enforced", ptr);
        }
        if (s.has("if")) {
            warn("if/then/else is not enforced", ptr);
        }
        List<String> types = types(s);
        if (types.isEmpty()) {
            return new Mapped(TypeRef.ANY, null, nullable);
        }
        if (types.size() > 1) {
            if (types.size() == 2 && types.contains("integer") && types.contains("number")) {
                types = List.of("number");
            } else {
                warn("type " + types + " mapped to Object", ptr);
                return new Mapped(TypeRef.ANY, null, nullable);
            }
        }
        String format = s.path("format").textValue();
        TypeRef t = switch (types.get(0)) {
            case "array" -> null;
            case "object" -> null;
            case "string" -> switch (format == null ? "" : format) {
                case "date" -> new TypeRef(FieldType.DATE, null, format, false);
                case "date-time" -> new TypeRef(FieldType.DATETIME, null, format, false);
                case "uuid" -> new TypeRef(FieldType.UUID, null, format, false);
                case "uri", "uri-reference" -> new TypeRef(FieldType.URI, null, format, false);
                case "byte", "binary" -> new TypeRef(FieldType.BYTES, null, format, false);
                default -> new TypeRef(FieldType.STRING, null, format, false);
            };
            case "integer" -> new TypeRef("int64".equals(format) || beyondInt(s) ? FieldType.LONG
                    : FieldType.INTEGER, null, format, false);
            case "number" -> new TypeRef("float".equals(format) ? FieldType.FLOAT : "double".equals(format)
                    ? FieldType.DOUBLE : FieldType.DECIMAL, null, format, false);
            case "boolean" -> TypeRef.of(FieldType.BOOLEAN);
            default -> TypeRef.ANY;
        };
        if (t != null) {
            return new Mapped(t, null, nullable);
        }
        if (types.get(0).equals("array")) {
            return array(s, ptr, hint, nullable);
        }
        return stringMap(s, ptr, hint, nullable);
    }

    private Mapped array(JsonNode s, String ptr, String hint, boolean nullable) {
        JsonNode items = s.get("items");
        JsonNode tuple = items != null && items.isArray() ? items : nonEmptyArray(s, "prefixItems");
        Mapped item;
        if (tuple != null) {
            String key = items != null && items.isArray() ? "items" : "prefixItems";
            List<Mapped> positions = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                positions.add(map(tuple.get(i), ptr + "/" + key + "/" + i, hint + "Item" + (i + 1)));
            }
            TypeRef common = commonType(positions);
            item = common == null ? Mapped.ANY : new Mapped(common, positions.get(0).valueType, false);
            warn("tuple (" + key + " with " + tuple.size() + " positions) mapped to a list of "
                    + describe(item.type) + "; the per-position types and the length are not enforced", ptr);
        } else if (items != null && items.isObject()) {
            item = map(items, ptr + "/items", hint + "Item");
        } else {
            item = Mapped.ANY;
        }
        if (item.type.many()) {
            warn("array of arrays mapped to a list of Object", ptr);
            return new Mapped(TypeRef.ANY.asList(), null, nullable);
        }
        return new Mapped(item.type.asList(), item.valueType, nullable);
    }

    /** An object with no properties: a map of its additional/pattern properties' type. */
    private Mapped stringMap(JsonNode s, String ptr, String hint, boolean nullable) {
        List<Mapped> values = new ArrayList<>();
        JsonNode ap = s.get("additionalProperties");
        if (ap != null && ap.isObject()) {
            values.add(map(ap, ptr + "/additionalProperties", hint + "Value"));
        }
        JsonNode pp = s.get("patternProperties");
        if (pp != null && pp.isObject() && !pp.isEmpty()) {
            Iterator<String> names = pp.fieldNames();
            while (names.hasNext()) {
                String p = names.next();
                values.add(map(pp.get(p), ptr + "/patternProperties/" + escape(p), hint + "Value"));
            }
            warn("patternProperties mapped to a map; the key patterns are not enforced", ptr);
        }
        TypeRef value = values.isEmpty() ? TypeRef.ANY : commonType(values);
        if (value == null) {
            warn("map values of different types mapped to Object", ptr);
            value = TypeRef.ANY;
        } else if (value.type() == FieldType.MAP) {
            warn("map of maps mapped to a map of Object", ptr);
            value = TypeRef.ANY;
        }
        return new Mapped(new TypeRef(FieldType.MAP, null, null, false), value, nullable);
    }

    /**
     * Maps the properties, values and branches of the entities declared so far, declaring the nested entities they
     * need: their names are claimed now, before any later {@link #map} can take them.
     */
    void drain() {
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            Draft d = drafts.get(p.name);
            switch (p.kind) {
                case ENUM -> d.values = enumValues(p.schema, p.name);
                case OBJECT -> d.fields = fields(p);
                case UNION -> {
                    if (isSupertype(p.pointer)) {
                        subtypes(p, d);
                    } else if (nonEmptyArray(p.schema, "allOf") != null) {
                        composition(p, d);
                    } else {
                        unionBranches(p, d);
                    }
                }
            }
        }
    }

    private List<Entity.EnumValue> enumValues(JsonNode s, String owner) {
        Names.Unique constants = new Names.Unique(warnings, "enum values of " + owner);
        List<Entity.EnumValue> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode v : s.get("enum")) {
            if (v.isTextual() && seen.add(v.textValue())) {
                values.add(new Entity.EnumValue(constants.claim(Names.constantName(v.textValue()), v.textValue()),
                        v.textValue()));
            }
        }
        return values;
    }

    private void unionBranches(Pending p, Draft d) {
        String key = union(p.schema);
        JsonNode branches = p.schema.get(key);
        String property = discriminatorProperty(p.schema);
        Map<String, List<String>> mapped = new HashMap<>();
        if (property != null) {
            discriminatorMapping(p.pointer, p.schema, mapped);
            d.discriminator = property;
        }
        for (int i : nonNullBranches(branches)) {
            JsonNode b = branches.get(i);
            String at = p.pointer + "/" + key + "/" + i;
            Mapped m = map(b, at, p.name + title(b, "Option" + (i + 1)));
            Draft branch = m.type.target() == null ? null : drafts.get(m.type.target());
            if (branch != null && branch.kind == Entity.Kind.UNION && above(d, branch.name)) {
                warn(key + " branch " + i + " is " + branch.source + ", which already holds this union; left out"
                        + " (a union cannot be one of its own branches)", at);
            } else if (branch != null && branch.kind != Entity.Kind.ENUM && !m.type.many()
                    && d.permits.add(branch.name)) {
                branch.unions.add(d.name);
                if (property != null) {
                    tagLeaves(d, targetPointer(b, at), branch, mapped);
                }
            }
        }
    }

    /**
     * Adds the discriminator values of the concrete entities a branch stands for: the branch itself when it is an
     * object, else (a nested union or supertype) each object entity it may hold.
     */
    private void tagLeaves(Draft union, String target, Draft branch, Map<String, List<String>> mapped) {
        if (branch.kind == Entity.Kind.OBJECT) {
            List<String> tags = mapped.get(target);
            union.tags.putIfAbsent(branch.name, tags != null ? tags : List.of(sourceName(target).startsWith("#")
                    ? branch.name : sourceName(target)));
            return;
        }
        drain(); // the nested union's own branches and values
        for (Map.Entry<String, List<String>> leaf : branch.tags.entrySet()) {
            Draft l = drafts.get(leaf.getKey());
            List<String> tags = l == null ? null : mapped.get(l.pointer);
            union.tags.putIfAbsent(leaf.getKey(), tags != null ? tags : leaf.getValue());
        }
    }

    /** @return whether an entity is the draft itself or one of the unions it is a branch of, at any depth */
    private boolean above(Draft d, String name) {
        Deque<Draft> todo = new ArrayDeque<>(List.of(d));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Draft next = todo.poll();
            if (next.name.equals(name)) {
                return true;
            }
            if (seen.add(next.name)) {
                next.unions.forEach(u -> todo.add(drafts.get(u)));
            }
        }
        return false;
    }

    /** @return a schema's discriminator property: OpenAPI 3 {@code discriminator.propertyName}, or Swagger 2.0's string */
    private static String discriminatorProperty(JsonNode s) {
        JsonNode d = s.get("discriminator");
        if (d == null) {
            return null;
        }
        String property = d.isTextual() ? d.textValue() : d.path("propertyName").textValue();
        return property == null || property.isBlank() ? null : property;
    }

    /** Adds a discriminator's {@code mapping} to {@code mapped}: target pointer to the values that name it. */
    private void discriminatorMapping(String ptr, JsonNode s, Map<String, List<String>> mapped) {
        s.path("discriminator").path("mapping").fields().forEachRemaining(e -> {
            String ref = e.getValue().asText();
            String target = resolve(ptr, ref.contains("#") || ref.contains("/") ? ref
                    : "#/components/schemas/" + escape(ref));
            if (target == null) {
                warn("discriminator mapping '" + e.getKey() + "' names " + ref + ", which is not in this"
                        + " document; left out", ptr);
            } else {
                List<String> values = mapped.computeIfAbsent(target, t -> new ArrayList<>());
                if (!values.contains(e.getKey())) {
                    values.add(e.getKey());
                }
            }
        });
    }

    // ---- inheritance (OpenAPI 3.0.3 section 4.7.25, "Composition and Inheritance (Polymorphism)") ----

    /** Indexes which named schemas extend which, through {@code allOf} parts that are a {@code $ref}. */
    private void indexInheritance() {
        for (String container : List.of("/components/schemas", "/definitions", "/$defs")) {
            JsonNode named = root.at(JsonPointer.compile(container));
            if (!named.isObject()) {
                continue;
            }
            named.fields().forEachRemaining(e -> {
                String ptr = container + "/" + escape(e.getKey());
                JsonNode allOf = e.getValue().isObject() ? nonEmptyArray(e.getValue(), "allOf") : null;
                for (int i = 0; allOf != null && i < allOf.size(); i++) {
                    String ref = allOf.get(i).isObject() ? refOf(allOf.get(i)) : null;
                    String target = ref == null ? null : resolve(ptr + "/allOf/" + i, ref);
                    if (target != null && !target.equals(ptr) && isNamed(target)) {
                        parents.computeIfAbsent(ptr, k -> new ArrayList<>()).add(target);
                        children.computeIfAbsent(target, k -> new ArrayList<>()).add(ptr);
                    }
                }
            });
        }
    }

    private static boolean isNamed(String ptr) {
        int slash = ptr.lastIndexOf('/');
        String parent = slash < 0 ? "" : ptr.substring(0, slash);
        return parent.equals("/components/schemas") || parent.equals("/definitions") || parent.equals("/$defs");
    }

    /** @return the discriminator property in force at a named schema: its own, else its nearest ancestor's */
    private String inheritedDiscriminator(String ptr, Set<String> visited) {
        if (!visited.add(ptr)) {
            return null;
        }
        String own = discriminatorProperty(root.at(JsonPointer.compile(ptr)));
        if (own != null) {
            return own;
        }
        for (String parent : parents.getOrDefault(ptr, List.of())) {
            String inherited = inheritedDiscriminator(parent, visited);
            if (inherited != null) {
                return inherited;
            }
        }
        return null;
    }

    /**
     * @return whether the schema at a pointer is a supertype: a named object schema (not a union) that others extend,
     *         with a discriminator of its own or inherited
     */
    private boolean isSupertype(String ptr) {
        if (!children.containsKey(ptr)) {
            return false;
        }
        JsonNode s = root.at(JsonPointer.compile(ptr));
        return union(s) == null && (hasProperties(s) || nonEmptyArray(s, "allOf") != null)
                && inheritedDiscriminator(ptr, new HashSet<>()) != null;
    }

    /** @return whether a named schema's single {@code allOf} part refers to a named object it extends */
    private boolean extendsObject(String ptr) {
        List<String> bases = parents.get(ptr);
        if (bases == null || bases.size() != 1 || !extending.add(ptr)) {
            return false;
        }
        try {
            String base = bases.get(0);
            if (isSupertype(base)) {
                return true;
            }
            Set<String> visited = new HashSet<>();
            visited.add(ptr);
            return classify(base, root.at(JsonPointer.compile(base)), visited) == Entity.Kind.OBJECT;
        } finally {
            extending.remove(ptr);
        }
    }

    /**
     * Maps a supertype: its fields are its own (composed) properties, its branches its direct subtypes, and its
     * discriminator values those of every object entity below it (the {@code mapping} of it and its ancestors,
     * else the schema's name).
     */
    private void subtypes(Pending p, Draft d) {
        d.fields = fields(p);
        String property = inheritedDiscriminator(p.pointer, new HashSet<>());
        d.discriminator = property;
        Map<String, List<String>> mapped = new HashMap<>();
        for (String ancestor : lineage(p.pointer)) {
            discriminatorMapping(ancestor, root.at(JsonPointer.compile(ancestor)), mapped);
        }
        for (String child : children.get(p.pointer)) {
            Mapped m = map(child, nameOf(child, null));
            Draft c = m.type.target() == null || m.type.many() ? null : drafts.get(m.type.target());
            if (c == null || c.kind == Entity.Kind.ENUM) {
                warn("extends " + d.source + " but is not an object; it is not one of its subtypes", child);
            } else if (c.kind == Entity.Kind.UNION && above(d, c.name)) {
                warn("extends " + d.source + ", which also extends it; it is not one of its subtypes (an allOf"
                        + " cycle)", child);
            } else if (d.permits.add(c.name)) {
                c.unions.add(d.name);
                tagLeaves(d, child, c, mapped);
            }
        }
        if (d.permits.isEmpty()) { // every subtype was left out: an object that extends, not a supertype
            d.kind = Entity.Kind.OBJECT;
            d.discriminator = null;
            d.tags.clear();
            kinds.put(d.name, Entity.Kind.OBJECT);
            return;
        }
        List<String> self = mapped.get(p.pointer);
        warn(d.source + " is extended by " + String.join(", ", d.permits) + " and becomes their supertype: a value is"
                + " always one of its subtypes, told apart by '" + property + "'; a value whose '" + property
                + "' is " + (self == null ? "'" + d.source + "'" : self) + " (the base itself) is refused", p.pointer);
    }

    /** @return a named schema and its ancestors, nearest first */
    private List<String> lineage(String ptr) {
        List<String> out = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of(ptr));
        while (!todo.isEmpty()) {
            String next = todo.poll();
            if (!out.contains(next)) {
                out.add(next);
                todo.addAll(parents.getOrDefault(next, List.of()));
            }
        }
        return out;
    }

    /**
     * @return the index of the first {@code allOf} part that is a {@code oneOf}/{@code anyOf} of objects (directly or
     *         through a {@code $ref}; not a supertype), or -1
     */
    private int composedUnionPart(String ptr, JsonNode allOf, Set<String> visited) {
        for (int i = 0; i < allOf.size(); i++) {
            String part = ptr + "/allOf/" + i;
            String target = targetPointer(allOf.get(i), part);
            JsonNode t = root.at(JsonPointer.compile(target));
            if (union(t) != null && !hasProperties(t) && !isSupertype(target) && delegate(t, target) == null
                    && classify(target, t, new HashSet<>(visited)) == Entity.Kind.UNION) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Maps an {@code allOf} with a union part: one object entity per branch of the union, each composed of that
     * branch and the other parts, named after the composition and the branch (e.g. {@code PetCat}).
     */
    private void composition(Pending p, Draft d) {
        JsonNode allOf = p.schema.get("allOf");
        int u = composedUnionPart(p.pointer, allOf, new HashSet<>());
        String unionPtr = targetPointer(allOf.get(u), p.pointer + "/allOf/" + u);
        JsonNode union = root.at(JsonPointer.compile(unionPtr));
        String key = union(union);
        for (int i = 0; i < allOf.size(); i++) {
            String part = targetPointer(allOf.get(i), p.pointer + "/allOf/" + i);
            if (i != u && union(root.at(JsonPointer.compile(part))) != null) {
                warn("allOf part " + i + " is another oneOf/anyOf; only part " + u + "'s branches are composed, the"
                        + " alternatives of part " + i + " are not enforced", p.pointer);
            }
        }
        String property = discriminatorProperty(union);
        Map<String, List<String>> mapped = new HashMap<>();
        if (property != null) {
            discriminatorMapping(unionPtr, union, mapped);
            d.discriminator = property;
        }
        for (int j : nonNullBranches(union.get(key))) {
            JsonNode b = union.get(key).get(j);
            String branchPtr = unionPtr + "/" + key + "/" + j;
            String target = targetPointer(b, branchPtr);
            String branchName = sourceName(target).startsWith("#") ? title(b, "Option" + (j + 1)) : sourceName(target);
            String name = typeNames.claim(Names.typeName(d.name + " " + branchName));
            List<PropertyAt> parts = new ArrayList<>();
            for (int i = 0; i < allOf.size(); i++) {
                parts.add(i == u ? new PropertyAt(b, branchPtr) : new PropertyAt(allOf.get(i), p.pointer + "/allOf/" + i));
            }
            Draft c = new Draft(name, branchPtr, "#" + branchPtr, Entity.Kind.OBJECT,
                    text(aliasTarget(b, branchPtr), "description"));
            drafts.put(name, c);
            kinds.put(name, Entity.Kind.OBJECT);
            pending.add(new Pending(name, p.pointer, p.schema, Entity.Kind.OBJECT, parts));
            d.permits.add(name);
            c.unions.add(d.name);
            if (property != null) {
                List<String> tags = mapped.get(target);
                d.tags.put(name, tags != null ? tags : List.of(sourceName(target).startsWith("#") ? name
                        : sourceName(target)));
            }
        }
    }

    private List<Field> fields(Pending p) {
        Map<String, List<PropertyAt>> props = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        if (p.parts == null) {
            collect(p.schema, p.pointer, props, required, new HashSet<>());
        } else {
            Set<String> visited = new HashSet<>();
            for (PropertyAt part : p.parts) {
                collect(part.schema, part.pointer, props, required, visited);
            }
        }
        Names.Unique fieldNames = new Names.Unique(warnings, "property names of " + p.name);
        List<Field> fields = new ArrayList<>();
        if (props.size() > MAX_FIELDS) {
            warn(props.size() + " properties, over the " + MAX_FIELDS + " a generated type can hold; the last "
                    + (props.size() - MAX_FIELDS) + " are left out", p.pointer);
        }
        for (Map.Entry<String, List<PropertyAt>> e : props.entrySet()) {
            if (fields.size() == MAX_FIELDS) {
                break;
            }
            String json = e.getKey();
            List<PropertyAt> definitions = e.getValue();
            PropertyAt at = definitions.get(definitions.size() - 1);
            JsonNode prop = at.schema;
            Mapped m = map(prop, at.pointer, p.name + Names.typeName(json));
            if (definitions.size() > 1) {
                m = widen(json, definitions, m, p.name + Names.typeName(json), p.pointer);
            }
            JsonNode meta = aliasTarget(prop, at.pointer);
            String description = text(prop, "description");
            if (description == null && meta != prop && entityAt(targetPointer(prop, at.pointer)) == null) {
                description = text(meta, "description");
            }
            boolean readOnly = flag(prop, "readOnly") || flag(meta, "readOnly");
            boolean writeOnly = flag(prop, "writeOnly") || flag(meta, "writeOnly");
            JsonNode def = prop.has("default") ? prop.get("default") : meta.get("default");
            String defaultJson = null;
            if (def != null && !def.isNull()) {
                defaultJson = def.toString();
                checkDefault(def, m, at.pointer);
            }
            fields.add(new Field(fieldNames.claim(Names.memberName(json), json), json, m.type, m.valueType,
                    required.contains(json), false, constraints(prop, meta, at.pointer), description,
                    m.nullable || nullable(prop),
                    readOnly && !writeOnly ? Field.Access.READ_ONLY : writeOnly && !readOnly ? Field.Access.WRITE_ONLY
                            : Field.Access.READ_WRITE, defaultJson));
        }
        return fields;
    }

    /** Merges the properties and required names of an object schema, following {@code allOf} and {@code $ref}. */
    private void collect(JsonNode s, String ptr, Map<String, List<PropertyAt>> props, Set<String> required,
                         Set<String> visited) {
        if (s == null || !s.isObject() || !visited.add(ptr)) {
            return;
        }
        if (refOf(s) != null) {
            JsonNode ref = s.get("$ref");
            String target = resolve(ptr, ref.textValue());
            if (target == null) {
                warn("allOf part " + ref.textValue() + " is not in this document; its properties are left out", ptr);
            } else {
                collect(root.at(JsonPointer.compile(target)), target, props, required, visited);
            }
            return;
        }
        JsonNode allOf = nonEmptyArray(s, "allOf");
        if (allOf != null) {
            for (int i = 0; i < allOf.size(); i++) {
                String part = ptr + "/allOf/" + i;
                JsonNode target = root.at(JsonPointer.compile(targetPointer(allOf.get(i), part)));
                if (union(target) != null && !hasProperties(target)) {
                    warn(union(target) + " in an allOf part beside properties is not composed; the properties of its"
                            + " branches are left out of this type", part);
                }
                collect(allOf.get(i), part, props, required, visited);
            }
        }
        JsonNode own = s.get("properties");
        if (own != null && own.isObject()) {
            own.fields().forEachRemaining(e -> props.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(new PropertyAt(e.getValue(), ptr + "/properties/" + escape(e.getKey()))));
        }
        JsonNode req = s.get("required");
        if (req != null && req.isArray()) {
            req.forEach(r -> required.add(r.asText()));
        }
        if (hasProperties(s)) {
            String unionKey = union(s);
            if (unionKey != null) {
                warn(unionKey + " beside properties is not enforced; the properties are kept", ptr);
            }
            JsonNode ap = s.get("additionalProperties");
            if ((ap != null && ap.isObject() && !ap.isEmpty()) || (s.has("patternProperties")
                    && !s.get("patternProperties").isEmpty())) {
                warn("additionalProperties/patternProperties beside properties are not mapped", ptr);
            }
        }
    }

    /**
     * The type of a property several {@code allOf} parts define: when the parts that give it a type disagree, their
     * common supertype (integers and numbers: a number; strings of any format: a string; lists: a list of the items'
     * supertype; else any JSON value), with a warning naming each part's type.
     */
    private Mapped widen(String json, List<PropertyAt> definitions, Mapped last, String hint, String owner) {
        List<Mapped> typed = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (PropertyAt d : definitions) {
            if (unconstrained(d.schema)) {
                continue;
            }
            Mapped x = d == definitions.get(definitions.size() - 1) ? last : map(d.schema, d.pointer, hint);
            typed.add(x);
            where.add(describe(x.type) + " at #" + d.pointer);
        }
        if (typed.size() < 2 || sameType(typed)) {
            return last;
        }
        TypeRef common = supertype(typed.stream().map(Mapped::type).toList());
        warn("property '" + json + "' has different types in the allOf parts (" + String.join(", ", where)
                + "); mapped to " + describe(common) + ", their common supertype", owner);
        return new Mapped(common, null, typed.stream().anyMatch(Mapped::nullable));
    }

    private static boolean sameType(List<Mapped> typed) {
        Mapped first = typed.get(0);
        return typed.stream().allMatch(m -> m.type.type() == first.type.type() && m.type.many() == first.type.many()
                && java.util.Objects.equals(m.type.target(), first.type.target())
                && java.util.Objects.equals(m.valueType, first.valueType));
    }

    /** @return whether a property schema states no type at all (only a description, an example, ...) */
    private static boolean unconstrained(JsonNode s) {
        return s.isObject() && refOf(s) == null && types(s).isEmpty() && !s.has("allOf") && !s.has("oneOf")
                && !s.has("anyOf") && !s.has("enum") && !s.has("const");
    }

    private static TypeRef supertype(List<TypeRef> types) {
        if (types.stream().allMatch(TypeRef::many)) {
            TypeRef item = supertype(types.stream().map(t -> new TypeRef(t.type(), t.target(), t.format(), false))
                    .toList());
            return item.type() == FieldType.OBJECT ? TypeRef.ANY : item.asList();
        }
        if (types.stream().anyMatch(TypeRef::many)) {
            return TypeRef.ANY;
        }
        if (types.stream().allMatch(t -> t.type() == FieldType.INTEGER || t.type() == FieldType.LONG)) {
            return TypeRef.of(FieldType.LONG);
        }
        if (types.stream().allMatch(t -> switch (t.type()) {
            case INTEGER, LONG, DECIMAL, DOUBLE, FLOAT -> true;
            default -> false;
        })) {
            return TypeRef.of(FieldType.DECIMAL);
        }
        if (types.stream().allMatch(t -> switch (t.type()) {
            case STRING, DATE, DATETIME, UUID, URI, ENUM -> true;
            default -> false;
        })) {
            return TypeRef.of(FieldType.STRING);
        }
        return TypeRef.ANY;
    }

    private void checkDefault(JsonNode def, Mapped m, String ptr) {
        TypeRef t = m.type;
        boolean fits;
        if (t.many()) {
            fits = def.isArray() && def.isEmpty();
        } else {
            fits = switch (t.type()) {
                case STRING, DATE, DATETIME, UUID, URI -> def.isTextual();
                case ENUM -> def.isTextual() && enumHas(t.target(), def.textValue());
                case INTEGER -> def.isIntegralNumber() && def.canConvertToInt();
                case LONG -> def.isIntegralNumber() && def.canConvertToLong();
                case DECIMAL, DOUBLE, FLOAT -> def.isNumber();
                case BOOLEAN -> def.isBoolean();
                case MAP -> def.isObject() && def.isEmpty();
                case BYTES, REF, OBJECT -> false;
            };
        }
        if (!fits) {
            warn("default " + abbreviate(def.toString()) + " is only documented, not applied (the type "
                    + describe(t) + " cannot hold it as a literal)", ptr);
        }
    }

    /** @return whether the enum entity of that name lists the value */
    private boolean enumHas(String entity, String value) {
        Draft d = drafts.get(entity);
        JsonNode values = d == null ? null : root.at(JsonPointer.compile(d.pointer)).get("enum");
        if (values == null) {
            return false;
        }
        for (JsonNode v : values) {
            if (value.equals(v.textValue())) {
                return true;
            }
        }
        return false;
    }

    private Constraints constraints(JsonNode own, JsonNode alias, String ptr) {
        String pattern = text(own, "pattern") != null ? text(own, "pattern") : text(alias, "pattern");
        if (pattern != null) {
            try {
                java.util.regex.Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                warn("pattern is not a valid Java regular expression and is left out (" + e.getDescription() + ")",
                        ptr);
                pattern = null;
            }
        }
        Bound min = bound(own, alias, "minimum", "exclusiveMinimum");
        Bound max = bound(own, alias, "maximum", "exclusiveMaximum");
        return new Constraints(integer(own, alias, "minLength"), integer(own, alias, "maxLength"), min.value,
                max.value, pattern, min.exclusive, max.exclusive, integer(own, alias, "minItems"),
                integer(own, alias, "maxItems"));
    }

    private record Bound(BigDecimal value, boolean exclusive) {
    }

    private Bound bound(JsonNode own, JsonNode alias, String inclusive, String exclusive) {
        for (JsonNode s : new JsonNode[]{own, alias}) {
            JsonNode ex = s.get(exclusive);
            if (ex != null && ex.isNumber()) {
                return new Bound(ex.decimalValue(), true);
            }
            JsonNode in = s.get(inclusive);
            if (in != null && in.isNumber()) {
                return new Bound(in.decimalValue(), ex != null && ex.isBoolean() && ex.booleanValue());
            }
        }
        return new Bound(null, false);
    }

    private static Integer integer(JsonNode own, JsonNode alias, String key) {
        JsonNode v = own.has(key) ? own.get(key) : alias.get(key);
        return v != null && v.canConvertToInt() && v.isIntegralNumber() && v.intValue() >= 0 ? v.intValue() : null;
    }

    /** @return for a {@code $ref} to a non-entity schema, the schema it finally refers to; else the schema itself */
    private JsonNode aliasTarget(JsonNode s, String ptr) {
        Set<String> seen = new HashSet<>();
        while (s != null && s.isObject() && refOf(s) != null && seen.add(ptr)) {
            JsonNode ref = s.get("$ref");
            String target = resolve(ptr, ref.textValue());
            if (target == null || entityAt(target) != null) {
                return s;
            }
            ptr = target;
            s = root.at(JsonPointer.compile(target));
        }
        return s == null || !s.isObject() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : s;
    }

    private String targetPointer(JsonNode s, String ptr) {
        if (refOf(s) != null) {
            JsonNode ref = s.get("$ref");
            String t = resolve(ptr, ref.textValue());
            return t == null ? ptr : t;
        }
        return ptr;
    }

    // ---- references ----

    /**
     * Resolves a {@code $ref} (JSON Schema Core 2020-12 section 8.2: against the base URI in scope) to a pointer
     * into this document.
     *
     * @return the pointer, or {@code null} when the reference leaves the document or names nothing
     */
    String resolve(String fromPointer, String ref) {
        URI target;
        try {
            target = resolve(baseOf(fromPointer), new URI(ref));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            // not a valid URI reference, e.g. "#/components/schemas/Order Line" with a space: a local pointer as is
            return ref.startsWith("#/") && !root.at(unescapedPointer(ref.substring(1))).isMissingNode()
                    ? ref.substring(1) : null;
        }
        String resource = resources.get(withoutFragment(target).toString());
        if (resource == null) {
            return null;
        }
        String fragment = target.getRawFragment();
        String pointer;
        if (fragment == null || fragment.isEmpty()) {
            pointer = resource;
        } else if (fragment.startsWith("/")) {
            pointer = resource + URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } else {
            pointer = resources.get(withoutFragment(target) + "#" + fragment);
            if (pointer == null) {
                return null;
            }
        }
        try {
            return root.at(JsonPointer.compile(pointer)).isMissingNode() ? null : pointer;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonPointer unescapedPointer(String pointer) {
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            return JsonPointer.compile("/\u0000missing");
        }
    }

    private URI baseOf(String pointer) {
        String p = pointer;
        while (true) {
            URI b = baseByPointer.get(p);
            if (b != null) {
                return b;
            }
            if (p.isEmpty()) {
                return rootBase;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Indexes {@code $id}/{@code id} resources and {@code $anchor}s below a schema. */
    private void index(JsonNode node, String ptr, URI base) {
        if (!node.isObject()) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    index(node.get(i), ptr + "/" + i, base);
                }
            }
            return;
        }
        JsonNode id = idKeyword == null ? null : node.get(idKeyword);
        if (!ptr.isEmpty() && id != null && id.isTextual()) {
            try {
                URI resolved = resolve(base, new URI(id.textValue()));
                if (id.textValue().startsWith("#") && !id.textValue().startsWith("#/")) {
                    resources.putIfAbsent(withoutFragment(base) + id.textValue(), ptr);
                } else {
                    base = withoutFragment(resolved);
                    resources.putIfAbsent(base.toString(), ptr);
                    baseByPointer.put(ptr, base);
                }
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                // not a URI: not a resource
            }
        }
        JsonNode anchor = node.get("$anchor");
        if (anchor != null && anchor.isTextual()) {
            resources.putIfAbsent(withoutFragment(base) + "#" + anchor.textValue(), ptr);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            if (DATA_KEYWORDS.contains(key)) {
                continue;
            }
            String at = ptr + "/" + escape(key);
            if (SCHEMA_MAPS.contains(key) && f.getValue().isObject()) {
                Iterator<Map.Entry<String, JsonNode>> named = f.getValue().fields();
                while (named.hasNext()) {
                    Map.Entry<String, JsonNode> n = named.next();
                    index(n.getValue(), at + "/" + escape(n.getKey()), base);
                }
            } else {
                index(f.getValue(), at, base);
            }
        }
    }

    // ---- helpers ----

    /** @return the name an entity made from the target of a reference gets: its key, or else the hint */
    private String nameOf(String pointer, String hint) {
        if (pointer.isEmpty()) {
            return title(root, "Root");
        }
        int slash = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, slash);
        String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent.endsWith("/definitions") || parent.endsWith("/$defs") || parent.endsWith("/schemas")
                || parent.endsWith("/properties") || hint == null || hint.isBlank()) {
            return key;
        }
        return hint;
    }

    /** @return a named schema's key (e.g. {@code Pet}), or else {@code #} and the pointer */
    private static String sourceName(String pointer) {
        int slash = pointer.lastIndexOf('/');
        if (slash >= 0) {
            String parent = pointer.substring(0, slash);
            if (parent.equals("/definitions") || parent.equals("/$defs") || parent.equals("/components/schemas")) {
                return pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            }
        }
        return "#" + pointer;
    }

    private static String title(JsonNode s, String fallback) {
        String t = s.path("title").textValue();
        return t != null && !t.isBlank() && t.length() <= 60 ? t : fallback;
    }

    private boolean nullable(JsonNode s) {
        if (flag(s, "nullable") || flag(s, "x-nullable")) {
            return true;
        }
        JsonNode type = s.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if ("null".equals(t.textValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean enumHasNull(JsonNode s) {
        JsonNode e = s.get("enum");
        if (e != null && e.isArray()) {
            for (JsonNode v : e) {
                if (v.isNull()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean flag(JsonNode s, String key) {
        JsonNode v = s.get(key);
        return v != null && v.isBoolean() && v.booleanValue();
    }

    private static String text(JsonNode s, String key) {
        JsonNode v = s.get(key);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** @return the schema's {@code $ref} text, or {@code null} */
    private static String refOf(JsonNode s) {
        JsonNode r = s.get("$ref");
        return r != null && r.isTextual() ? r.textValue() : null;
    }

    private static boolean hasProperties(JsonNode s) {
        JsonNode p = s.get("properties");
        return p != null && p.isObject() && !p.isEmpty();
    }

    private static JsonNode nonEmptyArray(JsonNode s, String key) {
        JsonNode v = s.get(key);
        return v != null && v.isArray() && !v.isEmpty() ? v : null;
    }

    /** @return {@code oneOf} or {@code anyOf} when the schema has a non-empty one, else {@code null} */
    private static String union(JsonNode s) {
        return nonEmptyArray(s, "oneOf") != null ? "oneOf" : nonEmptyArray(s, "anyOf") != null ? "anyOf" : null;
    }

    private static List<Integer> nonNullBranches(JsonNode branches) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            JsonNode b = branches.get(i);
            boolean isNull = "null".equals(b.path("type").textValue())
                    || (b.has("enum") && b.get("enum").size() == 1 && b.get("enum").get(0).isNull());
            if (!isNull) {
                out.add(i);
            }
        }
        return out;
    }

    private static boolean isStringEnum(JsonNode s) {
        JsonNode e = s.get("enum");
        if (e == null || !e.isArray()) {
            return false;
        }
        boolean any = false;
        for (JsonNode v : e) {
            if (v.isTextual()) {
                any = true;
            } else if (!v.isNull()) {
                return false;
            }
        }
        List<String> types = types(s);
        return any && (types.isEmpty() || types.equals(List.of("string")));
    }

    /** @return the non-null types of a schema, from {@code type} or inferred from the keywords present */
    private static List<String> types(JsonNode s) {
        JsonNode type = s.get("type");
        List<String> out = new ArrayList<>();
        if (type != null && type.isTextual()) {
            if (!type.textValue().equals("null")) {
                out.add(type.textValue());
            }
        } else if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && !t.textValue().equals("null") && !out.contains(t.textValue())) {
                    out.add(t.textValue());
                }
            }
        } else if (s.has("properties") || s.has("additionalProperties") || s.has("patternProperties")) {
            out.add("object");
        } else if (s.has("items") || s.has("prefixItems")) {
            out.add("array");
        } else if (s.has("format") || s.has("pattern") || s.has("minLength") || s.has("maxLength")) {
            out.add("string");
        } else if (s.has("minimum") || s.has("maximum")) {
            out.add("number");
        } else if (s.has("enum") || s.has("const")) {
            JsonNode v = s.has("const") ? s.get("const") : s.get("enum").path(0);
            if (v.isTextual()) {
                out.add("string");
            } else if (v.isIntegralNumber()) {
                out.add("integer");
            } else if (v.isNumber()) {
                out.add("number");
            } else if (v.isBoolean()) {
                out.add("boolean");
            }
        }
        return out;
    }

    private static boolean beyondInt(JsonNode s) {
        for (String k : new String[]{"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}) {
            JsonNode v = s.get(k);
            if (v != null && v.isNumber() && !v.canConvertToInt()) {
                return true;
            }
        }
        return false;
    }

    /** @return the type every branch has (ignoring formats), or {@code null} when they differ */
    private static TypeRef commonType(List<Mapped> mapped) {
        if (mapped.isEmpty()) {
            return null;
        }
        TypeRef first = mapped.get(0).type;
        for (Mapped m : mapped) {
            TypeRef t = m.type;
            if (t.type() != first.type() || t.many() != first.many() || !java.util.Objects.equals(t.target(),
                    first.target()) || !java.util.Objects.equals(m.valueType, mapped.get(0).valueType)) {
                return null;
            }
        }
        return mapped.stream().allMatch(m -> java.util.Objects.equals(m.type.format(), first.format())) ? first
                : new TypeRef(first.type(), first.target(), null, first.many());
    }

    private static String describe(TypeRef t) {
        String base = t.target() != null ? t.target() : t.type() == FieldType.OBJECT ? "Object" : t.type().id();
        return t.many() ? "list of " + base : base;
    }

    /**
     * Resolves a reference against a base (RFC 3986 section 5.2). {@link URI#resolve} returns the reference itself
     * when the base is opaque, such as the {@code urn:} {@code $id}s of protocol standards' schemas; a reference
     * that is only a fragment ({@code #/definitions/X}) then still resolves against that base (RFC 3986 section
     * 5.2.2: the target is the base with the reference's fragment).
     */
    private static URI resolve(URI base, URI ref) throws java.net.URISyntaxException {
        if (base.isOpaque() && !ref.isAbsolute() && ref.getRawPath() != null && ref.getRawPath().isEmpty()
                && ref.getRawAuthority() == null && ref.getRawQuery() == null) {
            return new URI(base.getScheme(), base.getSchemeSpecificPart(), ref.getFragment());
        }
        return base.resolve(ref);
    }

    private static URI withoutFragment(URI u) {
        try {
            return new URI(u.getScheme(), u.getSchemeSpecificPart(), null);
        } catch (java.net.URISyntaxException e) {
            return u;
        }
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private void warn(String what, String at) {
        warnings.add(what + " at #" + at);
    }

    /**
     * A mapped type.
     *
     * @param type      the type
     * @param valueType for maps, the value type
     * @param nullable  whether the schema admits {@code null}
     */
    record Mapped(TypeRef type, TypeRef valueType, boolean nullable) {
        static final Mapped ANY = new Mapped(TypeRef.ANY, null, false);

        Mapped asNullable() {
            return nullable ? this : new Mapped(type, valueType, true);
        }
    }

    /**
     * An entity whose fields, values or branches are still to map.
     *
     * @param parts for a branch of an {@code allOf} composition, the schemas whose properties it merges; else
     *              {@code null} (the schema's own)
     */
    private record Pending(String name, String pointer, JsonNode schema, Entity.Kind kind, List<PropertyAt> parts) {
        Pending(String name, String pointer, JsonNode schema, Entity.Kind kind) {
            this(name, pointer, schema, kind, null);
        }
    }

    private record PropertyAt(JsonNode schema, String pointer) {
    }

    /** An entity while its fields, values or branches are being mapped. */
    private static final class Draft {
        final String name;
        final String pointer;
        String source;
        Entity.Kind kind;
        final String description;
        List<Field> fields = List.of();
        List<Entity.EnumValue> values = List.of();
        final Set<String> permits = new LinkedHashSet<>();
        final Set<String> unions = new LinkedHashSet<>();
        String discriminator;
        final Map<String, List<String>> tags = new LinkedHashMap<>();

        Draft(String name, String pointer, String source, Entity.Kind kind, String description) {
            this.name = name;
            this.pointer = pointer;
            this.source = source;
            this.kind = kind;
            this.description = description;
        }
    }
}
