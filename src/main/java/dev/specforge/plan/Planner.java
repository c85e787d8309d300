package dev.specforge.plan;

import dev.specforge.lang.LanguageNames;
import dev.specforge.spec.Entity;
import dev.specforge.spec.OperationGroup;
import dev.specforge.spec.ProjectModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans a project: expands a stack's outputs over the model into an ordered list of {@link FileTask}s.
 * Order is manifest order, then model order (entities, operation groups). Stateless and thread-safe.
 */
public final class Planner {

    /**
     * @param model the project model
     * @param stack the stack manifest
     * @return the file tasks, indexed from 0
     * @throws PlanException when two outputs would write the same path (compared case-insensitively, so the zip
     *                       unpacks on any file system) or a path is unsafe
     */
    public List<FileTask> plan(ProjectModel model, StackManifest stack) {
        List<FileTask> tasks = new ArrayList<>();
        Map<String, FileTask> byPath = new HashMap<>();
        LanguageNames names = LanguageNames.of(model, stack.language());
        for (StackManifest.Output out : stack.outputs()) {
            switch (out.scope()) {
                case PROJECT -> {
                    if (out.when().stream().allMatch(c -> c.test(model, null))) {
                        add(tasks, byPath, out, PathExpression.expand(out.path(), model, names,
                                null, null), null, null);
                    }
                }
                case ENTITY -> {
                    for (Entity e : model.entities()) {
                        if (out.when().stream().allMatch(c -> c.test(model, e))) {
                            add(tasks, byPath, out, PathExpression.expand(out.path(), model, names,
                                    e, null), e.name(), null);
                        }
                    }
                }
                case OPERATION_GROUP -> {
                    if (out.when().stream().allMatch(c -> c.test(model, null))) {
                        for (OperationGroup g : model.operationGroups()) {
                            add(tasks, byPath, out, PathExpression.expand(out.path(), model, names,
                                    null, g), null, g.name());
                        }
                    }
                }
            }
        }
        return tasks;
    }

    private static void add(List<FileTask> tasks, Map<String, FileTask> byPath, StackManifest.Output out, String path,
                            String entity, String group) {
        FileTask task = new FileTask(tasks.size(), path, out.template(), out.scope(), out.critical(), entity, group,
                out.enrich());
        FileTask clash = byPath.putIfAbsent(path.toLowerCase(Locale.ROOT), task);
        if (clash != null) {
            throw new PlanException("two files map to the path '" + path + "' (templates " + clash.template()
                    + " and " + task.template() + ")");
        }
        tasks.add(task);
    }
}
