package ${project.packageName}.model;

/**
<#list entity.docLines as line>
 * ${line}
</#list>
<#if entity.docLines?has_content>
 *
</#if>
 * <p>One of <#if entity.permits?has_content><#list entity.permits as p>{@link ${p}}<#sep>, </#sep></#list><#else>no object type</#if>
<#if entity.discriminator?has_content>
 * (a {@code oneOf}/{@code anyOf} of objects in the spec). Jackson picks the implementation from the value of the
 * discriminator property {@code ${entity.discriminatorDoc?replace("}", "&#125;")?replace("{", "&#123;")}}.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY,
        property = ${javaString(entity.discriminator)}, visible = true)
@com.fasterxml.jackson.annotation.JsonSubTypes({
<#list entity.subtypes as t>
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = ${t.name}.class, names = {${t.names?join(", ")}})<#sep>,</#sep>
</#list>
})
<#else>
 * (a {@code oneOf}/{@code anyOf} of objects in the spec). Jackson picks the implementation from the properties
 * present ({@code DEDUCTION}).
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.DEDUCTION)
@com.fasterxml.jackson.annotation.JsonSubTypes({
<#list entity.permits as p>
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(${p}.class)<#sep>,</#sep>
</#list>
})
</#if>
public <#if entity.permits?has_content>sealed </#if>interface ${entity.name}<#if entity.permits?has_content> permits ${entity.permits?join(", ")}</#if> {
}
