package ${project.packageName}.repository.memory;

<#assign uniques = entity.fields?filter(f -> f.unique && !f.many)>
/**
 * In-memory {@link ${project.packageName}.repository.${entity.name}Repository}<#if uniques?has_content>; no two records share a value of <#list uniques as f>{@code ${f.name}}<#sep>, </#sep></#list></#if>. (In a package
 * of its own, so that its name never clashes with the interface of an entity whose name starts with "InMemory".)
 */
public class InMemory${entity.name}Repository extends InMemoryStore<${project.packageName}.model.${entity.name}>
        implements ${project.packageName}.repository.${entity.name}Repository {

    /** An empty repository. */
    public InMemory${entity.name}Repository() {
<#list uniques as f>
        unique(${javaString("/" + f.jsonName?replace("~", "~0")?replace("/", "~1"))}, ${project.packageName}.model.${entity.name}::${f.name});
</#list>
    }
}
