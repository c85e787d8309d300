package dev.specforge.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one immutable project model every spec format is normalised into, and the only input of planning
 * and rendering.
 *
 * @param project         the project identity
 * @param stack           the stack the spec asks for, or {@code null} to use the configured default
 * @param source          the format the spec was written in, how it was recognised, and how many types came from
 *                        inline schemas
 * @param entities        all entities (objects and enums), in spec order, names unique
 * @param operationGroups the operations grouped by tag (empty for native specs)
 * @param features        feature switches, e.g. {@code docker -> true}
 * @param warnings        mapping decisions that lost information, each naming where (e.g. a JSON pointer); each
 *                        distinct warning once, in the order first made
 * @param suggestedConstraints what to do with the field-validators enrichment's suggested constraints, as the spec
 *                        asked (native spec: {@code validation.suggestedConstraints}); {@code null} means
 *                        {@link SuggestedConstraints#DOCUMENT}. Only {@link #enforcesSuggestions()} decides.
 * @param http            the run-time contract of the operations (OpenAPI and Swagger input), or {@code null} when
 *                        the spec describes no HTTP operations of its own
 */
public record ProjectModel(ProjectInfo project, String stack, Source source, List<Entity> entities,
                           List<OperationGroup> operationGroups, Map<String, Boolean> features,
                           List<String> warnings, SuggestedConstraints suggestedConstraints, HttpContract http) {

    public ProjectModel {
        entities = List.copyOf(entities);
        operationGroups = List.copyOf(operationGroups);
        features = Map.copyOf(features);
        warnings = List.copyOf(new java.util.LinkedHashSet<>(warnings)); // one definition reached twice warns once
        suggestedConstraints = suggestedConstraints == null ? SuggestedConstraints.DOCUMENT : suggestedConstraints;
    }

    /**
     * A model whose suggested constraints are documented only ({@link SuggestedConstraints#DOCUMENT}), as for every
     * OpenAPI, Swagger and JSON Schema input.
     *
     * @param project         the project identity
     * @param stack           the stack the spec asks for, or {@code null}
     * @param source          where the model came from
     * @param entities        all entities
     * @param operationGroups the operation groups
     * @param features        feature switches
     * @param warnings        mapping decisions that lost information
     */
    public ProjectModel(ProjectInfo project, String stack, Source source, List<Entity> entities,
                        List<OperationGroup> operationGroups, Map<String, Boolean> features, List<String> warnings) {
        this(project, stack, source, entities, operationGroups, features, warnings, SuggestedConstraints.DOCUMENT);
    }

    /**
     * A model without an HTTP contract of its own (native specs, JSON Schema).
     *
     * @param project              the project identity
     * @param stack                the stack the spec asks for, or {@code null}
     * @param source               where the model came from
     * @param entities             all entities
     * @param operationGroups      the operation groups
     * @param features             feature switches
     * @param warnings             mapping decisions that lost information
     * @param suggestedConstraints what to do with suggested constraints ({@code null}: document them)
     */
    public ProjectModel(ProjectInfo project, String stack, Source source, List<Entity> entities,
                        List<OperationGroup> operationGroups, Map<String, Boolean> features, List<String> warnings,
                        SuggestedConstraints suggestedConstraints) {
        this(project, stack, source, entities, operationGroups, features, warnings, suggestedConstraints, null);
    }

    /**
     * The one decision whether the field-validators enrichment's suggested constraints are enforced (Bean
     * Validation annotations, go-service and express-api rules, the served {@code openapi.json}) or only documented.
     * Enforced only for a native spec that opts in with {@code validation: {suggestedConstraints: enforce}}; never for
     * OpenAPI, Swagger or JSON Schema input, whose document is the contract.
     *
     * @return whether suggested constraints are enforced
     */
    public boolean enforcesSuggestions() {
        return format() == SpecFormat.NATIVE && suggestedConstraints == SuggestedConstraints.ENFORCE;
    }

    /**
     * Where a model came from, for the report ({@code format}, {@code detectedBy}, {@code inlineTypes}).
     *
     * @param format      the format the spec was written in
     * @param detectedBy  the rule that recognised the format: the key that names it ({@code specforge},
     *                    {@code openapi}, {@code swagger}, {@code $schema}), or for a JSON Schema without
     *                    {@code $schema} the shape that did ({@code type: object with properties}, {@code $defs},
     *                    {@code allOf}, ...; see {@link SpecReader#detect}), or {@code schema set} for a zip of
     *                    JSON Schemas without a root
     * @param inlineTypes how many of the entities were made from inline schemas of operations' request and response
     *                    bodies (OpenAPI and Swagger input; 0 otherwise), nested inline objects included
     */
    public record Source(SpecFormat format, String detectedBy, int inlineTypes) {
    }

    /** @return the format the spec was written in */
    public SpecFormat format() {
        return source.format();
    }

    /**
     * @param name an entity name
     * @return the entity with that exact name, if any
     */
    public Optional<Entity> entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * @param feature a feature name, e.g. {@code docker}
     * @return whether it is on; features default to on when the spec does not mention them
     */
    public boolean feature(String feature) {
        return features.getOrDefault(feature, Boolean.TRUE);
    }
}
