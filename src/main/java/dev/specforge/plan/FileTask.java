package dev.specforge.plan;

import java.util.List;

/**
 * One file to generate: the unit of work of the parallel Splitter.
 *
 * @param index    position in the plan (manifest order, then model order)
 * @param path     the output path inside the project, relative, '/'-separated, checked safe
 * @param template the template name relative to the templates root, e.g. {@code camel-service/Entity.java.ftl}
 * @param scope    the output's scope
 * @param critical whether the file is critical
 * @param entity   the entity name for entity scope, else {@code null}
 * @param group    the operation group name for operation-group scope, else {@code null}
 * @param enrich   the enrichment kinds the file reads (ids, from the manifest's {@code enrich:})
 */
public record FileTask(int index, String path, String template, Scope scope, boolean critical, String entity,
                       String group, List<String> enrich) {

    public FileTask {
        enrich = List.copyOf(enrich);
    }
}
