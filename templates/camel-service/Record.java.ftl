package ${project.packageName}.model;

/**
<#if entity.docLines?has_content>
<#list entity.docLines as line>
 * ${line}
</#list>
<#else>
 * ${entity.name}.
</#if>
<#if entity.fields?filter(f -> f.docLines?has_content || f.exampleDoc?has_content)?has_content>
 *
</#if>
<#list entity.fields as f>
<#if f.docLines?has_content || f.exampleDoc?has_content>
 * @param ${f.name} <#list f.docLines as line>${line}<#sep> </#sep></#list><#if f.exampleDoc?has_content><#if f.docLines?has_content> (example: <#else>example: </#if>{@code ${f.exampleDoc?replace("}", "&#125;")?replace("{", "&#123;")}}<#if f.docLines?has_content>)</#if></#if>
</#if>
</#list>
 */
public record ${entity.name}(
<#list entity.fields as f>
        <#if f.name != f.jsonName>@com.fasterxml.jackson.annotation.JsonProperty(${javaString(f.jsonName)}) </#if><#list f.annotations as a>${a} </#list>${f.javaType} ${f.name}<#sep>,</#sep>
</#list>
) {
}
