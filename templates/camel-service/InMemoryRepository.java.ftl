package ${project.packageName}.repository.memory;

/**
 * In-memory {@link ${project.packageName}.repository.${entity.name}Repository}: thread-safe, ordered by id, lost on
 * restart. (In a package of its own, so that its name never clashes with the interface of an entity whose name
 * starts with "InMemory".)
 */
public class InMemory${entity.name}Repository implements ${project.packageName}.repository.${entity.name}Repository {

    private final java.util.concurrent.ConcurrentSkipListMap<String, ${project.packageName}.model.${entity.name}> items =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    @Override
    public java.util.List<${project.packageName}.model.${entity.name}> findAll() {
        return java.util.List.copyOf(items.values());
    }

    @Override
    public ${project.packageName}.model.${entity.name} find(String id) {
        return items.get(id);
    }

    @Override
    public ${project.packageName}.model.${entity.name} create(${project.packageName}.model.${entity.name} item) {
<#if entity.hasId>
        String id = item.id() == null ? java.util.UUID.randomUUID().toString() : String.valueOf(item.id());
<#else>
        String id = java.util.UUID.randomUUID().toString();
</#if>
        items.put(id, item);
        return item;
    }

    @Override
    public ${project.packageName}.model.${entity.name} update(String id, ${project.packageName}.model.${entity.name} item) {
        return items.replace(id, item) == null ? null : item;
    }

    @Override
    public boolean delete(String id) {
        return items.remove(id) != null;
    }
}
