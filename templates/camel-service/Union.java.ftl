package ${project.packageName}.model;

/**
<#list entity.docLines as line>
 * ${line}
</#list>
<#if entity.docLines?has_content>
 *
</#if>
 * <p>One of <#if entity.permits?has_content><#list entity.permits as p>{@link ${p}}<#sep>, </#sep></#list><#else>no object type</#if>
 * (a {@code oneOf}/{@code anyOf} of objects in the spec). Jackson picks the implementation from the properties
 * present ({@code DEDUCTION}).
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.DEDUCTION)
@com.fasterxml.jackson.annotation.JsonSubTypes({
<#list entity.permits as p>
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(${p}.class)<#sep>,</#sep>
</#list>
})
public <#if entity.permits?has_content>sealed </#if>interface ${entity.name}<#if entity.permits?has_content> permits ${entity.permits?join(", ")}</#if> {
}
