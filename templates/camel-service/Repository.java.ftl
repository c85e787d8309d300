package ${project.packageName}.repository;

/**
 * Storage of {@link ${project.packageName}.model.${entity.name}} records<#if entity.hasId> by their {@code id}<#else> under ids the service assigns (the record has none)</#if>.
 */
public interface ${entity.name}Repository extends RecordStore<${project.packageName}.model.${entity.name}> {
}
