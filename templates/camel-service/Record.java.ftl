package ${project.packageName}.model;

/**
<#if entity.docLines?has_content>
<#list entity.docLines as line>
 * ${line}
</#list>
<#else>
 * ${entity.name}.
</#if>
<#if entity.hasId && (format == "native" || format == "json_schema")>
 *
 * <p>The {@code id} is never required in a request body: the service assigns one to a record created without it, and
 * a record embedded in another keeps whatever it was sent (docs: C4.1, C5.6).
</#if>
<#if entity.fields?filter(f -> f.docLines?has_content || f.exampleDoc?has_content || f.notes?has_content)?has_content>
 *
</#if>
<#list entity.fields as f>
<#if f.docLines?has_content || f.exampleDoc?has_content || f.notes?has_content>
 * @param ${f.name} <#list f.docLines as line>${line}<#sep> </#sep></#list><#if f.exampleDoc?has_content><#if f.docLines?has_content> (example: <#else>example: </#if>{@code ${f.exampleDoc?replace("}", "&#125;")?replace("{", "&#123;")}}<#if f.docLines?has_content>)</#if></#if><#list f.notes as line> ${line}</#list>
</#if>
</#list>
 */
public record ${entity.name}(
<#list entity.fields as f>
        <#if f.jsonProperty?has_content>${f.jsonProperty} </#if><#list f.annotations?filter(a -> !(f.name == "id" && !f.many && a == "@jakarta.validation.constraints.NotNull")) as a>${a} </#list><#if f.type == "string" && !f.many && ["uri", "uuid", "date", "date-time"]?seq_contains(f.format)>@${project.packageName}.validation.Format(${javaString(f.format)}) </#if>${f.javaType} ${f.name}<#sep>,</#sep>
</#list>
)<#if entity.unions?has_content> implements ${entity.unions?join(", ")}</#if> {
<#if entity.hasDefaults>

    /** Fills in the spec's default values for the components that are {@code null}. */
    public ${entity.name} {
<#list entity.fields?filter(f -> f.defaultExpression?has_content) as f>
        if (${f.name} == null) {
            ${f.name} = ${f.defaultExpression};
        }
</#list>
    }
</#if>
}
