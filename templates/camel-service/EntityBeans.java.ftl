<#assign e = entity>
<#switch e.idType>
<#case "java.util.UUID"><#assign ids = "UUID"><#break>
<#case "Long"><#assign ids = "LONG"><#break>
<#case "Integer"><#assign ids = "INTEGER"><#break>
<#case ""><#assign ids = "NONE"><#break>
<#default><#assign ids = "STRING">
</#switch>
package ${project.packageName};

/**
 * Beans of {@code ${e.name}}, bound by name for its routes: its repository and its CRUD collection at
 * {@code /api/${e.plural}} (which checks requests with the service's shared {@code RecordValidator}).
 */
@org.apache.camel.Configuration
public class ${e.name}Beans implements org.apache.camel.CamelConfiguration {

    private final ${project.packageName}.repository.${e.name}Repository ${e.varName}Repository =
            new ${project.packageName}.repository.memory.InMemory${e.name}Repository();

    /** @return the {@code ${e.varName}Repository} bean: where {@code ${e.name}} records are stored */
    @org.apache.camel.BindToRegistry("${e.varName}Repository")
    public ${project.packageName}.repository.${e.name}Repository ${e.varName}Repository() {
        return ${e.varName}Repository;
    }

    /** @return the {@code ${e.varName}Collection} bean: {@code /api/${e.plural}} */
    @org.apache.camel.BindToRegistry("${e.varName}Collection")
    public ${project.packageName}.http.EntityCollection<${project.packageName}.model.${e.name}> ${e.varName}Collection() {
        return new ${project.packageName}.http.EntityCollection<>(${project.packageName}.model.${e.name}.class,
                ${project.packageName}.http.EntityCollection.Ids.${ids}, "/api/${e.plural}", ${e.varName}Repository,
                ${project.packageName}.http.RecordValidator.shared());
    }
}
