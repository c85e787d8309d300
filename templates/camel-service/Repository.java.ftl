package ${project.packageName}.repository;

/**
 * Storage of {@link ${project.packageName}.model.${entity.name}} by string id.
 */
public interface ${entity.name}Repository {

    /** @return every stored item, in id order */
    java.util.List<${project.packageName}.model.${entity.name}> findAll();

    /**
     * @param id an id
     * @return the item with that id, or {@code null}
     */
    ${project.packageName}.model.${entity.name} find(String id);

    /**
     * Stores a new item<#if entity.hasId> under its {@code id}<#else> under a generated id</#if>.
     *
     * @param item the item
     * @return the stored item
     */
    ${project.packageName}.model.${entity.name} create(${project.packageName}.model.${entity.name} item);

    /**
     * @param id   an id
     * @param item the new value
     * @return the stored item, or {@code null} when no item has that id
     */
    ${project.packageName}.model.${entity.name} update(String id, ${project.packageName}.model.${entity.name} item);

    /**
     * @param id an id
     * @return whether an item was removed
     */
    boolean delete(String id);
}
