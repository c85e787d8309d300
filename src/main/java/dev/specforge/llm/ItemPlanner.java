package dev.specforge.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specforge.cache.Digest;
import dev.specforge.plan.EnrichmentKind;
import dev.specforge.plan.FileTask;
import dev.specforge.plan.Scope;
import dev.specforge.plan.StackManifest;
import dev.specforge.spec.Entity;
import dev.specforge.spec.Field;
import dev.specforge.spec.ProjectModel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The first step of {@link Enricher}: which items a spec's planned files read, each with its filtered context
 * ({@link ContextFilter}), its kind's system prompt (rendered once per stack and kind) and its cache key.
 *
 * <p>Cache key: SHA-256 over provider, model, the rendered system prompt (prompt template plus the kind's rules),
 * the item's answer schema and its context (seed 000 P4, seed 001 #1). Thread-safe.
 */
final class ItemPlanner {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Enricher.Settings settings;
    private final PromptRenderer prompts;
    private final Map<String, String> systemPrompts = new ConcurrentHashMap<>();

    /**
     * @param settings the enrichment's settings
     * @param prompts  the renderer for {@code templates/<stack>/prompts/<kind>.ftl}
     */
    ItemPlanner(Enricher.Settings settings, PromptRenderer prompts) {
        this.settings = settings;
        this.prompts = prompts;
    }

    /**
     * @param model the project model
     * @param stack the stack
     * @param tasks the planned files
     * @param start when the spec's enrichment started ({@link System#nanoTime()}); its deadline is
     *              {@code specforge.spec.timeout-ms} later
     * @return the spec's enrichment state, nothing answered yet
     * @throws RuntimeException the {@link PromptRenderer}'s, when a prompt template fails to render
     */
    EnrichmentRun plan(ProjectModel model, StackManifest stack, List<FileTask> tasks, long start) {
        ContextFilter filter = new ContextFilter(model, settings.contextDepth());
        Map<String, Entity> entities = new LinkedHashMap<>();
        model.entities().forEach(e -> entities.put(e.name(), e));
        Set<String> wanted = new LinkedHashSet<>();
        List<List<String>> idsByTask = new ArrayList<>(tasks.size());
        for (FileTask t : tasks) {
            List<String> ids = itemIds(model, entities, t);
            idsByTask.add(ids);
            wanted.addAll(ids);
        }
        Map<EnrichmentKind, String> system = new EnumMap<>(EnrichmentKind.class);
        Map<EnrichmentKind, String> promptHash = new EnumMap<>(EnrichmentKind.class);
        List<EnrichmentItem> items = new ArrayList<>();
        Map<ObjectNode, String> schemaHash = new IdentityHashMap<>();   // shared item schemas, hashed once
        for (String id : wanted) {
            EnrichmentKind kind = EnrichmentKind.of(id.substring(0, id.indexOf(':')));
            String subject = id.substring(id.indexOf(':') + 1);
            int dot = subject.indexOf('.');
            Entity e = entities.get(dot < 0 ? subject : subject.substring(0, dot));
            String fieldName = dot < 0 ? null : subject.substring(dot + 1);
            ObjectNode context = kind == EnrichmentKind.ENTITY_DOCS ? filter.forDescription(e)
                    : fieldName == null ? filter.forEntity(e)
                    : filter.forField(e, e.fields().stream().filter(f -> f.name().equals(fieldName)).findFirst()
                    .orElseThrow());
            String sys = system.computeIfAbsent(kind, k -> systemPrompt(stack, k));
            String ph = promptHash.computeIfAbsent(kind, k -> sha256(sys));
            ObjectNode schema = AnswerSchemas.item(kind, context);
            String sh = kind == EnrichmentKind.SAMPLE_DATA ? sha256(schema.toString())    // one per entity
                    : schemaHash.computeIfAbsent(schema, x -> sha256(x.toString()));
            items.add(new EnrichmentItem(kind, e.name(), fieldName, context, key(ph, sh, context)));
        }
        LlmLedger ledger = new LlmLedger(settings.provider(), settings.model(), settings.prices());
        ledger.items(items.size());
        return new EnrichmentRun(items, idsByTask, system, ledger, start,
                start + TimeUnit.MILLISECONDS.toNanos(settings.specTimeoutMs()));
    }

    /**
     * The items a file reads: for each kind its output declares, the entity in scope (entity scope) or every entity
     * (project and operation-group scope); field-validators expand to the entity's fields; entity-docs only where
     * the spec gives no description (the spec's own text wins and costs nothing); sample-data and field-validators
     * only for object entities.
     *
     * @param model    the project model
     * @param entities the model's entities by name
     * @param task     a planned file
     * @return item ids, in model order
     */
    private static List<String> itemIds(ProjectModel model, Map<String, Entity> entities, FileTask task) {
        if (task.enrich().isEmpty()) {
            return List.of();
        }
        List<Entity> scope = task.scope() == Scope.ENTITY ? List.of(entities.get(task.entity())) : model.entities();
        List<String> ids = new ArrayList<>();
        for (String k : task.enrich()) {
            EnrichmentKind kind = EnrichmentKind.of(k);
            for (Entity e : scope) {
                switch (kind) {
                    case FIELD_VALIDATORS -> {
                        for (Field f : e.fields()) {
                            ids.add(EnrichmentItem.id(kind, e.name(), f.name()));
                        }
                    }
                    case ENTITY_DOCS -> {
                        if (e.description() == null || e.description().isBlank()) {
                            ids.add(EnrichmentItem.id(kind, e.name(), null));
                        }
                    }
                    case SAMPLE_DATA -> {
                        if (e.kind() == Entity.Kind.OBJECT) {
                            ids.add(EnrichmentItem.id(kind, e.name(), null));
                        }
                    }
                }
            }
        }
        return ids;
    }

    private String systemPrompt(StackManifest stack, EnrichmentKind kind) {
        return systemPrompts.computeIfAbsent(stack.name() + "/" + kind.id(), k -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("kind", kind.id());
            model.put("tool", kind.toolName());
            model.put("rules", kind.rules());
            model.put("stack", stack.name());
            return new String(prompts.render(stack.name() + "/prompts/" + kind.id() + ".ftl", model),
                    StandardCharsets.UTF_8);
        });
    }

    private String key(String promptHash, String schemaHash, JsonNode context) {
        try {
            return sha256(settings.provider().id() + "\n" + settings.model() + "\n" + promptHash + "\n"
                    + schemaHash + "\n" + JSON.writeValueAsString(context));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        return Digest.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
