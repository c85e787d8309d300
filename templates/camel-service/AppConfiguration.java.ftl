package ${project.packageName};

/**
 * Beans of ${project.name}: one in-memory repository per entity, bound by name for the REST routes.
 */
@org.apache.camel.Configuration
public class AppConfiguration implements org.apache.camel.CamelConfiguration {
<#list objectEntities as e>

    /** @return the {@code ${e.varName}Repository} bean */
    @org.apache.camel.BindToRegistry("${e.varName}Repository")
    public ${project.packageName}.repository.${e.name}Repository ${e.varName}Repository() {
        return new ${project.packageName}.repository.memory.InMemory${e.name}Repository();
    }
</#list>
}
