package dev.specforge.lang;

import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.Names;
import dev.specforge.spec.Operation;
import dev.specforge.spec.OperationGroup;
import dev.specforge.spec.ProjectModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The identifiers of one project model in one language: every neutral type, field, operation and variable name
 * escaped by the language's {@link Naming} and then made unique again (case-insensitively, as the model's names
 * are), because two names may collide only after escaping (a spec with types {@code String} and
 * {@code StringModel} in Java). Within each namespace the names the escape leaves alone are claimed first, in model
 * order, so they never change; the escaped ones then take the next free numeric suffix ({@code StringModel2}), so
 * the result depends on the model alone.
 *
 * <p>Namespaces: entity types; operation-group types; the fields of each entity; operations; entity variables.
 * Built by {@code plan} (output paths) and {@code render} (the template model) from the same model, so both see the
 * same names. Immutable.
 */
public final class LanguageNames {

    private final Map<String, String> types;
    private final Map<String, String> groups;
    private final Map<String, Map<String, String>> members = new HashMap<>();
    private final Map<String, String> operations;
    /** By neutral entity name: the lowerCamelCase form of its (unique) type identifier, escaped, unique again. */
    private final Map<String, String> variables;

    private LanguageNames(ProjectModel model, Naming naming) {
        List<String> entityNames = model.entities().stream().map(Entity::name).toList();
        types = unique(entityNames, naming::type);
        groups = unique(model.operationGroups().stream().map(OperationGroup::name).toList(), naming::type);
        for (Entity e : model.entities()) {
            members.put(e.name(), unique(e.fields().stream().map(Field::name).toList(), naming::member));
        }
        List<String> ids = new ArrayList<>();
        model.operationGroups().forEach(g -> g.operations().stream().map(Operation::id).forEach(ids::add));
        operations = unique(ids, naming::member);
        Map<String, String> byVariable = new java.util.LinkedHashMap<>();
        entityNames.forEach(n -> byVariable.put(Names.memberName(types.get(n)), n));
        Map<String, String> escaped = unique(List.copyOf(byVariable.keySet()), naming::member);
        variables = new HashMap<>();
        byVariable.forEach((variable, entity) -> variables.put(entity, escaped.get(variable)));
    }

    /**
     * @param model    a project model
     * @param language the stack's language
     * @return the model's identifiers in that language
     */
    public static LanguageNames of(ProjectModel model, Language language) {
        return new LanguageNames(model, language.naming());
    }

    /**
     * @param names  the neutral names of one namespace, unique case-insensitively, in model order
     * @param escape the language's escape
     * @return each neutral name's identifier: unchanged names first, then escaped ones with a suffix on a clash
     */
    private static Map<String, String> unique(List<String> names, java.util.function.UnaryOperator<String> escape) {
        Names.Unique taken = new Names.Unique();
        Map<String, String> out = new HashMap<>();
        for (String n : names) {
            if (escape.apply(n).equals(n)) {
                out.put(n, taken.claim(n));
            }
        }
        for (String n : names) {
            out.computeIfAbsent(n, k -> taken.claim(escape.apply(k)));
        }
        return out;
    }

    /**
     * @param entity a neutral entity name of the model
     * @return its type identifier, e.g. {@code StringModel} for {@code String} in Java
     * @throws IllegalArgumentException when the model has no such entity
     */
    public String type(String entity) {
        return get(types, entity, "entity");
    }

    /**
     * @param group a neutral operation-group name of the model
     * @return its type identifier
     * @throws IllegalArgumentException when the model has no such group
     */
    public String group(String group) {
        return get(groups, group, "operation group");
    }

    /**
     * @param entity a neutral entity name of the model
     * @param field  the neutral name of one of its fields
     * @return the field's member identifier, e.g. {@code class_} for {@code class} in Java
     * @throws IllegalArgumentException when the entity has no such field
     */
    public String member(String entity, String field) {
        return get(members.getOrDefault(entity, Map.of()), field, "field of " + entity);
    }

    /**
     * @param id a neutral operation id of the model
     * @return its identifier (a method or function name)
     * @throws IllegalArgumentException when the model has no such operation
     */
    public String operation(String id) {
        return get(operations, id, "operation");
    }

    /**
     * @param entity a neutral entity name of the model
     * @return a lowerCamelCase variable identifier for it, made from its type identifier, e.g. {@code orderItem};
     *         {@code stringModel} for {@code String} in Java
     * @throws IllegalArgumentException when the model has no such entity
     */
    public String variable(String entity) {
        return get(variables, entity, "entity");
    }

    private static String get(Map<String, String> map, String name, String what) {
        String v = map.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no " + what + " named '" + name + "' in the model");
        }
        return v;
    }
}
