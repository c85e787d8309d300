package dev.specforge.plan;

import dev.specforge.spec.Entity;
import dev.specforge.spec.ProjectModel;

import java.util.Locale;

/**
 * A {@code when} condition of a manifest output. The vocabulary is closed, so a stack can select outputs but
 * never run code:
 * <ul>
 *   <li>{@code feature:<name>}: the spec's feature is on (features default to on);</li>
 *   <li>{@code entity-kind:object} / {@code entity-kind:enum} / {@code entity-kind:union}: entity-scoped outputs
 *       only;</li>
 *   <li>{@code operations:any} / {@code operations:none}: the spec has (no) HTTP operations;</li>
 *   <li>{@code entity:used}: entity-scoped outputs only; the entity is one the operations use (a body type, or a
 *       type one refers to: {@link dev.specforge.spec.HttpContract#types()}), or the spec has no operations, so
 *       every entity counts as used. A stack that generates types only for what its service takes and gives uses
 *       it; the set is closed under references, so the types it generates compile;</li>
 *   <li>{@code format:native} / {@code format:openapi} / {@code format:swagger} / {@code format:json_schema}: the
 *       spec's input format.</li>
 * </ul>
 *
 * @param key   the condition's name
 * @param value its argument
 */
public record Condition(String key, String value) {

    /**
     * @param text a condition such as {@code entity-kind:object}
     * @return the parsed condition
     * @throws IllegalArgumentException when the key or value is unknown
     */
    public static Condition parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("condition '" + text + "' must be key:value");
        }
        Condition c = new Condition(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
        switch (c.key) {
            case "feature" -> {
                if (c.value.isEmpty()) {
                    throw new IllegalArgumentException("condition '" + text + "' names no feature");
                }
            }
            case "entity-kind" -> requireOneOf(c, "object", "enum", "union");
            case "operations" -> requireOneOf(c, "any", "none");
            case "entity" -> requireOneOf(c, "used");
            case "format" -> requireOneOf(c, "native", "openapi", "swagger", "json_schema");
            default -> throw new IllegalArgumentException("unknown condition '" + c.key
                    + "' (known: feature, entity-kind, entity, operations, format)");
        }
        return c;
    }

    private static void requireOneOf(Condition c, String... allowed) {
        for (String a : allowed) {
            if (a.equals(c.value)) {
                return;
            }
        }
        throw new IllegalArgumentException("condition '" + c.key + "' takes one of " + String.join(", ", allowed)
                + ", not '" + c.value + "'");
    }

    /**
     * @param model  the project
     * @param entity the entity in scope, or {@code null} outside entity scope
     * @return whether the condition holds
     */
    public boolean test(ProjectModel model, Entity entity) {
        return switch (key) {
            case "feature" -> model.feature(value);
            case "entity-kind" -> entity != null && entity.kind().name().toLowerCase(Locale.ROOT).equals(value);
            case "operations" -> model.operationGroups().isEmpty() == value.equals("none");
            case "entity" -> entity != null && (model.http() == null || model.http().uses(entity.name()));
            case "format" -> model.format().id().equals(value);
            default -> false;
        };
    }
}
