package dev.specforge.plan;

import dev.specforge.lang.Language;

import java.util.List;
import java.util.Map;

/**
 * A stack: {@code templates/<name>/stack.yaml} plus its FreeMarker templates.
 *
 * @param name        the stack (folder) name, e.g. {@code camel-service}
 * @param version     the stack's version, part of what makes its output reproducible
 * @param description one line for users
 * @param language    the language the stack generates (its {@code language:} key: {@code java}, {@code go},
 *                    {@code javascript} or {@code other}); chooses the naming rules and template-model keys
 * @param properties  constants the templates read as {@code stack.properties.*} (e.g. dependency versions)
 * @param outputs     the files the stack generates, in manifest order
 */
public record StackManifest(String name, String version, String description, Language language,
                            Map<String, String> properties, List<Output> outputs) {

    /**
     * @param manifest the parsed {@code stack.yaml}
     * @param name     the stack's name
     * @return the language its {@code language:} key names
     * @throws PlanException when the key is missing or not a known language; the message names the stack and the
     *                       allowed values
     */
    public static Language language(com.fasterxml.jackson.databind.JsonNode manifest, String name) {
        com.fasterxml.jackson.databind.JsonNode v = manifest.path("language");
        try {
            return Language.of(v.isTextual() ? v.textValue() : null, name);
        } catch (IllegalArgumentException e) {
            throw new PlanException(e.getMessage());
        }
    }

    /**
     * One output of a stack.
     *
     * @param template the template file, relative to the stack folder, e.g. {@code Entity.java.ftl}
     * @param path     the output path expression, e.g. {@code src/main/java/${project.packagePath}/${entity.name}.java}
     * @param scope    how many files it yields
     * @param critical whether a missing or invalid file fails the whole spec (seed 004: critical files)
     * @param when     conditions that must all hold for the file to be generated
     * @param enrich   the enrichment kinds the template reads ({@code field-validators}, {@code entity-docs},
     *                 {@code sample-data}), for the entity in scope or, for project scope, for every entity
     */
    public record Output(String template, String path, Scope scope, boolean critical, List<Condition> when,
                         List<String> enrich) {
        public Output {
            when = List.copyOf(when);
            enrich = List.copyOf(enrich);
        }
    }

    public StackManifest {
        properties = Map.copyOf(properties);
        outputs = List.copyOf(outputs);
    }
}
