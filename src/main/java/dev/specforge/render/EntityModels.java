package dev.specforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.llm.Enrichments;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.Names;
import dev.specforge.spec.Operation;
import dev.specforge.spec.OperationGroup;
import dev.specforge.spec.TypeRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the entity, field and operation-group maps of the template model ({@link TemplateModels} documents the
 * keys): the neutral part here, with identifiers from the stack language's
 * {@link dev.specforge.lang.LanguageNames}, then the language's own keys from its {@link LanguageCustomizer}.
 * Stateless; one instance per spec's model build.
 *
 * @param customizer the stack language's customizer
 * @param context    the model's identifiers and enum constants
 * @param kinds      each entity's kind ({@code object}, {@code enum}, {@code union}) by neutral name
 * @param enforceSuggestions whether field-validators suggestions become rules
 *                   ({@link dev.specforge.spec.ProjectModel#enforcesSuggestions()}); if not, they are only added to a
 *                   field's {@code notes} ("Suggested (not enforced): ...")
 */
record EntityModels(LanguageCustomizer customizer, LanguageCustomizer.Context context, Map<String, String> kinds,
                    boolean enforceSuggestions) {

    /**
     * @param e       an entity of the model
     * @param answers the spec's enrichment answers
     * @return its map
     */
    Map<String, Object> entity(Entity e, Enrichments answers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", context.names().type(e.name()));
        m.put("varName", context.names().variable(e.name()));
        m.put("kebab", Names.kebab(e.name()));
        m.put("lowerName", Names.lowerName(e.name()));
        m.put("plural", ModelTexts.plural(Names.kebab(e.name())));
        m.put("sourceName", e.sourceName());
        m.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        m.put("description", ModelTexts.nz(e.description()));
        String doc = e.description();
        Enrichments.Answer docs = answers.get(EnrichmentKind.ENTITY_DOCS, e.name(), null);
        if ((doc == null || doc.isBlank()) && docs != null) {
            doc = docs.value().path("description").asText();
        }
        m.put("docLines", ModelTexts.docLines(doc));
        m.put("summary", ModelTexts.markdownCell(doc));
        Enrichments.Answer samples = answers.get(EnrichmentKind.SAMPLE_DATA, e.name(), null);
        m.put("samplesJson", ModelTexts.samplesJson(samples == null ? null : samples.value()));
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Field f : e.fields()) {
            fields.add(field(e, f, answers.get(EnrichmentKind.FIELD_VALIDATORS, e.name(), f.name())));
        }
        m.put("fields", fields);
        m.put("hasId", e.fields().stream().anyMatch(ModelTexts::isId));
        List<Map<String, Object>> values = new ArrayList<>();
        java.util.Set<String> pascals = new java.util.HashSet<>();
        for (Entity.EnumValue v : e.values()) {
            String pascal = Names.typeName(v.constant().toLowerCase(Locale.ROOT));
            for (int n = 2; !pascals.add(pascal.toLowerCase(Locale.ROOT)); n++) {
                pascal = Names.typeName(v.constant().toLowerCase(Locale.ROOT)) + n;
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("constant", v.constant());
            value.put("pascal", pascal);
            value.put("value", v.value());
            values.add(value);
        }
        m.put("values", values);
        m.put("permits", types(e.permits()));
        m.put("discriminator", ModelTexts.nz(e.discriminator()));
        m.put("discriminatorDoc", String.join(" ", ModelTexts.docLines(e.discriminator())));
        m.put("unions", types(e.unions()));
        m.put("supertype", e.supertype());
        List<Map<String, Object>> concrete = new ArrayList<>();
        if (e.kind() == Entity.Kind.UNION) {
            for (Entity r : context.concrete(e)) {
                concrete.add(Map.of("name", context.names().type(r.name()),
                        "values", e.discriminatorValues().getOrDefault(r.name(), List.of())));
            }
        }
        m.put("concrete", concrete);
        customizer.entity(m, e, context);
        return m;
    }

    private List<String> types(List<String> neutral) {
        return neutral.stream().map(context.names()::type).toList();
    }

    private Map<String, Object> field(Entity e, Field f, Enrichments.Answer validators) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", context.names().member(e.name(), f.name()));
        m.put("pascalName", ModelTexts.pascal(f.name()));
        m.put("jsonName", f.jsonName());
        m.put("type", f.type().type().id());
        m.put("target", target(f.type()));
        m.put("targetKind", f.type().target() == null ? "" : kinds.getOrDefault(f.type().target(), ""));
        m.put("many", f.type().many());
        m.put("required", f.required());
        m.put("unique", f.unique());
        m.put("format", ModelTexts.nz(f.type().format()));
        TypeRef value = f.valueType() == null ? TypeRef.ANY : f.valueType();
        m.put("valueType", Map.of("type", value.type().id(), "target", target(value),
                "targetKind", value.target() == null ? "" : kinds.getOrDefault(value.target(), ""),
                "format", ModelTexts.nz(value.format()), "many", value.many()));
        JsonNode answer = validators == null ? null : validators.value();
        JsonNode suggestions = answer == null ? null : answer.path("constraints");
        List<Map<String, String>> rules = ValidationRules.of(f, suggestions, enforceSuggestions);
        m.put("rules", rules);
        String suggested = enforceSuggestions ? "" : ValidationRules.note(ValidationRules.suggested(f, suggestions));
        String example = answer == null ? "" : answer.path("example").asText("");
        m.put("example", example);
        m.put("exampleDoc", String.join(" ", ModelTexts.docLines(example)));
        m.put("minLength", f.constraints().minLength() == null ? "" : f.constraints().minLength());
        m.put("maxLength", f.constraints().maxLength() == null ? "" : f.constraints().maxLength());
        m.put("minimum", f.constraints().minimum() == null ? "" : f.constraints().minimum().toPlainString());
        m.put("maximum", f.constraints().maximum() == null ? "" : f.constraints().maximum().toPlainString());
        m.put("pattern", ModelTexts.nz(f.constraints().pattern()));
        m.put("description", ModelTexts.nz(f.description()));
        m.put("docLines", ModelTexts.docLines(f.description()));
        m.put("nullable", f.nullable());
        m.put("access", f.access().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("defaultJson", ModelTexts.nz(f.defaultJson()));
        customizer.field(m, e, f, rules, context);
        if (!suggested.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> notes = (List<String>) m.getOrDefault("notes", List.of());
            m.put("notes", ModelTexts.docLines(String.join(" ", notes) + " " + suggested));
        }
        return m;
    }

    /** @return the type's target as a type identifier in the language, or empty */
    private String target(TypeRef t) {
        return t.target() == null ? "" : context.names().type(t.target());
    }

    /**
     * @param g an operation group of the model
     * @return its map: name (a type identifier in the language), tag, kebab, lowerName, operations (id as an
     *         identifier in the language, method, path, summary, parameters)
     */
    Map<String, Object> group(OperationGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", context.names().group(g.name()));
        m.put("tag", g.tag());
        m.put("kebab", Names.kebab(g.name()));
        m.put("lowerName", Names.lowerName(g.name()));
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Operation o : g.operations()) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("id", context.names().operation(o.id()));
            om.put("method", o.method());
            om.put("path", o.path());
            om.put("summary", ModelTexts.nz(o.summary()));
            List<Map<String, Object>> params = new ArrayList<>();
            for (Operation.Parameter p : o.parameters()) {
                params.add(Map.of("name", p.name(), "in", ModelTexts.nz(p.in()), "required", p.required()));
            }
            om.put("parameters", params);
            ops.add(om);
        }
        m.put("operations", ops);
        return m;
    }
}
