package dev.specforge.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.FieldType;
import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.TypeRef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Context filtering (seed 001 #3, "50%+ reduction in prompt tokens"): the context of an item holds only what the
 * answer depends on, so a request never carries the whole spec and a change to one entity changes the cache key of
 * only the items that read it.
 * <ul>
 *   <li>a per-field item: the entity's name and description, and the field (name, JSON name where it differs,
 *       type, format, constraints, description, and the enum values or field names of the entity it refers to);</li>
 *   <li>a per-entity item: the entity with all its fields, plus the entities it references, transitively up to
 *       {@code depth} hops ({@code specforge.llm.context-depth}); for entity-docs without the declared constraints,
 *       and the referenced entities by their names, field names and enum values only ({@link #forDescription}).</li>
 * </ul>
 * Output is plain JSON built with Jackson, deterministic for a given model (field order is spec order). Thread-safe.
 */
public final class ContextFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Entity> byName;
    private final int depth;

    /**
     * @param model the project model
     * @param depth how many reference hops a per-entity context follows (0 = the entity alone)
     */
    public ContextFilter(ProjectModel model, int depth) {
        this.byName = model.entities().stream().collect(Collectors.toMap(Entity::name, Function.identity()));
        this.depth = depth;
    }

    /**
     * @param e an entity of the model
     * @param f one of its fields
     * @return the context of that field's per-field item
     */
    public ObjectNode forField(Entity e, Field f) {
        ObjectNode c = JSON.createObjectNode();
        c.put("entity", e.name());
        if (e.description() != null && !e.description().isBlank()) {
            c.put("entityDescription", e.description());
        }
        c.set("field", field(f, true, true));
        return c;
    }

    /**
     * @param e an entity of the model
     * @return the context of that entity's sample-data item: {@code entity} and {@code related}, each with every
     *         field in full (samples must meet the types, formats, constraints and enum values of nested entities too)
     */
    public ObjectNode forEntity(Entity e) {
        return entityContext(e, true);
    }

    /**
     * @param e an entity of the model
     * @return the context of that entity's entity-docs item: the entity's fields without their declared constraints
     *         (a description says what a field is, not its bounds, so changing a bound re-asks no description), and
     *         each related entity by its name, kind, description and field names or enum values only
     */
    public ObjectNode forDescription(Entity e) {
        return entityContext(e, false);
    }

    /** How much of an entity a context carries. */
    private enum Detail {
        /** every field with its declared constraints */
        FULL,
        /** every field without declared constraints */
        FIELDS,
        /** field names only */
        NAMES
    }

    private ObjectNode entityContext(Entity e, boolean full) {
        ObjectNode c = JSON.createObjectNode();
        c.set("entity", entity(e, full ? Detail.FULL : Detail.FIELDS));
        ArrayNode related = c.putArray("related");
        for (Entity r : related(e)) {
            related.add(entity(r, full ? Detail.FULL : Detail.NAMES));
        }
        return c;
    }

    /** @return the entities {@code e} references, breadth first up to {@code depth} hops, in a stable order */
    private List<Entity> related(Entity e) {
        Set<String> seen = new LinkedHashSet<>();
        seen.add(e.name());
        List<Entity> frontier = List.of(e);
        List<Entity> out = new ArrayList<>();
        for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
            List<Entity> next = new ArrayList<>();
            for (Entity cur : frontier) {
                for (Field f : cur.fields()) {
                    for (TypeRef t : new TypeRef[] {f.type(), f.valueType()}) {
                        if (t != null && t.target() != null && seen.add(t.target()) && byName.containsKey(t.target())) {
                            Entity r = byName.get(t.target());
                            next.add(r);
                            out.add(r);
                        }
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    private ObjectNode entity(Entity e, Detail detail) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", e.name());
        n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        if (e.description() != null && !e.description().isBlank()) {
            n.put("description", e.description());
        }
        if (e.kind() == Entity.Kind.ENUM) {
            ArrayNode values = n.putArray("values");
            e.values().forEach(v -> values.add(v.value()));
        } else if (detail == Detail.NAMES) {
            ArrayNode names = n.putArray("fieldNames");
            e.fields().forEach(f -> names.add(f.jsonName()));
        } else {
            ArrayNode fields = n.putArray("fields");
            e.fields().forEach(f -> fields.add(field(f, false, detail == Detail.FULL)));
        }
        return n;
    }

    /**
     * @param field a field of a context
     * @return its JSON property name: {@code jsonName}, given only where it differs from {@code name}
     */
    public static String jsonName(JsonNode field) {
        return field.path("jsonName").asText(field.path("name").asText());
    }

    private ObjectNode field(Field f, boolean withTarget, boolean constraints) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", f.name());
        if (!f.jsonName().equals(f.name())) {
            n.put("jsonName", f.jsonName());      // most fields are named alike in code and on the wire
        }
        n.put("type", f.type().type().id());
        if (f.type().many()) {
            n.put("many", true);
        }
        if (f.type().format() != null) {
            n.put("format", f.type().format());
        }
        if (f.required()) {
            n.put("required", true);
        }
        if (f.type().target() != null) {
            n.put("target", f.type().target());
            Entity t = byName.get(f.type().target());
            if (withTarget && t != null) {
                if (t.kind() == Entity.Kind.ENUM) {
                    ArrayNode values = n.putArray("enumValues");
                    t.values().forEach(v -> values.add(v.value()));
                } else {
                    ArrayNode names = n.putArray("targetFields");
                    t.fields().forEach(tf -> names.add(tf.jsonName()));
                }
            }
        }
        if (f.type().type() == FieldType.MAP && f.valueType() != null) {
            n.put("valueType", f.valueType().type().id());
        }
        var c = f.constraints();
        if (constraints) {
            if (c.minLength() != null) {
                n.put("minLength", c.minLength());
            }
            if (c.maxLength() != null) {
                n.put("maxLength", c.maxLength());
            }
            if (c.minimum() != null) {
                n.put("minimum", c.minimum());
            }
            if (c.maximum() != null) {
                n.put("maximum", c.maximum());
            }
            if (c.pattern() != null) {
                n.put("pattern", c.pattern());
            }
        }
        if (f.description() != null && !f.description().isBlank()) {
            n.put("description", f.description());
        }
        return n;
    }
}
