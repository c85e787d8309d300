package ${project.packageName}.model;

/**
<#list entity.docLines as line>
 * ${line}
</#list>
<#if entity.docLines?has_content>
 *
</#if>
 * <p>One of <#if entity.permits?has_content><#list entity.permits as p>{@link ${p}}<#sep>, </#sep></#list><#else>no object type</#if>
<#if entity.supertype>
 * (the schemas that extend this one through {@code allOf} in the spec: it is their supertype).
<#else>
 * (a {@code oneOf}/{@code anyOf} of objects in the spec).
</#if>
<#if entity.discriminator?has_content>
 * Jackson picks the record from the value of the discriminator property
 * {@code ${entity.discriminatorDoc?replace("}", "&#125;")?replace("{", "&#123;")}}.
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
 * Jackson picks the record from the properties present ({@code DEDUCTION}).
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.DEDUCTION)
@com.fasterxml.jackson.annotation.JsonSubTypes({
<#list entity.subtypes as t>
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(${t.name}.class)<#sep>,</#sep>
</#list>
})
</#if>
public <#if entity.permits?has_content>sealed <#elseif entity.unions?has_content>non-sealed </#if>interface ${entity.name}<#if entity.unions?has_content> extends ${entity.unions?join(", ")}</#if><#if entity.permits?has_content> permits ${entity.permits?join(", ")}</#if> {
<#list entity.accessors as a>

    /**
<#if a.docLines?has_content>
<#list a.docLines as line>
     * ${line}
</#list>
     *
</#if>
     * @return the {@code ${a.name}} every ${entity.name} has
     */
    ${a.javaType} ${a.name}();
</#list>
}
