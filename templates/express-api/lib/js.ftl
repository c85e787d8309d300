<#-- JavaScript helpers for the express-api templates. Imported as "js". -->
<#-- a JSDoc block from comment-safe lines -->
<#macro doc lines indent="">
${indent}/**
<#list lines as line>
${indent} *<#if line?has_content> ${line}</#if>
</#list>
${indent} */
</#macro>
<#-- an express path from an OpenAPI path: {petId} becomes :petId (parameter names reduced to word characters) -->
<#function expressPath path>
  <#local out = []>
  <#list path?split("/") as segment>
    <#if segment?starts_with("{") && segment?ends_with("}")>
      <#local out = out + [":" + segment?substring(1, segment?length - 1)?replace("[^A-Za-z0-9_]", "_", "r")]>
    <#else>
      <#-- path-to-regexp 8 (express 5) reserves ( ) [ ] ? + ! * { } : and \ : escape them in literal text -->
      <#local out = out + [segment?replace("([()\\[\\]?+!*{}:\\\\])", "\\\\$1", "r")]>
    </#if>
  </#list>
  <#return out?join("/")>
</#function>
<#-- the id field when the service can assign it (string, uuid, integer, long), or "" -->
<#function idField entity>
  <#list entity.fields as f>
    <#if f.name == "id" && !f.many && ["string", "uuid", "integer", "long"]?seq_contains(f.type)><#return f></#if>
  </#list>
  <#return "">
</#function>
<#-- a comment-safe single line -->
<#function line text>
  <#return text?replace("[\\p{Cntrl}\\u2028\\u2029]", " ", "r")?replace("*/", "*&#47;")>
</#function>
