<#-- Go helpers for the go-service templates: types, names and tags. Imported as "go". -->
<#assign keywords = ["break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
    "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
    "switch", "type", "var"]>
<#-- the package clause of an entity's folder: its lowerName, with "pkg" after a Go keyword -->
<#function pkg entity>
  <#return keywords?seq_contains(entity.lowerName)?then(entity.lowerName + "pkg", entity.lowerName)>
</#function>
<#-- the module path: project.group/project.name, lower case -->
<#function module project>
  <#return (project.group + "/" + project.name)?lower_case>
</#function>
<#-- a single value's Go type, without pointer or slice -->
<#function base type target format valueType>
  <#switch type>
    <#case "string"><#return "string">
    <#case "integer"><#return "int32">
    <#case "long"><#return "int64">
    <#case "decimal"><#return "json.Number">
    <#case "double"><#return "float64">
    <#case "float"><#return "float32">
    <#case "boolean"><#return "bool">
    <#case "date"><#return "string">
    <#case "datetime"><#return "time.Time">
    <#case "uuid"><#return "string">
    <#case "uri"><#return "string">
    <#case "bytes"><#return "[]byte">
    <#case "enum"><#return target>
    <#case "ref"><#return target>
    <#case "map">
      <#if valueType?is_hash>
        <#return "map[string]" + element(valueType)>
      </#if>
      <#return "map[string]any">
    <#default><#return "any">
  </#switch>
</#function>
<#-- a map value or list element: pointers only where Go needs them (a struct inside itself) -->
<#function element t>
  <#local b = base(t.type, t.target, t.format, "")>
  <#return t.many?then("[]" + b, b)>
</#function>
<#-- a field's Go type: slices, maps, []byte and any as they are (nil means absent), every other type as a pointer,
     so that a missing value and a zero value differ (required checks) -->
<#function type f>
  <#local b = base(f.type, f.target, f.format, f.valueType)>
  <#if f.many><#return "[]" + b></#if>
  <#if f.type == "map" || f.type == "bytes" || f.type == "object"><#return b></#if>
  <#return "*" + b>
</#function>
<#-- the struct tag: `json:"name"` (required) or `json:"name,omitempty"`; a JSON name that cannot be a tag name
     (quotes, backslash, comma, backtick, control characters) falls back to the Go name -->
<#function tag f>
  <#if f.jsonName?matches("[\\p{L}\\p{N}!#$%&()*+\\-./:;<=>?@\\[\\]^_{|}~ ]+")>
    <#return "`json:\"" + f.jsonName + (f.required && !f.nullable)?then("", ",omitempty") + "\"`">
  </#if>
  <#return "`json:\"" + (f.required && !f.nullable)?then("", ",omitempty") + "\"`">
</#function>
<#-- a Go expression of type float64 for the number the pointer field holds -->
<#function number f expr>
  <#if f.type == "decimal"><#return "numberValue(" + expr + ")"></#if>
  <#return "float64(" + expr + ")">
</#function>
<#-- whether any field of the entity needs the named import -->
<#function needsTime entity>
  <#return entity.fields?filter(f -> f.type == "datetime" || (f.type == "map" && f.valueType.type == "datetime"))?has_content>
</#function>
<#function needsJson entity>
  <#return entity.fields?filter(f -> f.type == "decimal" || (f.type == "map" && f.valueType.type == "decimal"))?has_content>
</#function>
<#-- A type's doc comment. The spec's description goes in a comment of its own above it, detached by a blank
     line: gofmt (Go 1.19 and later) rewrites doc comments (lists, indented lines, headings), but leaves other
     comments alone, so spec text never makes a file that gofmt would change. -->
<#macro typeDoc e summary>
<#if e.docLines?has_content>
// ${e.name}, as the spec describes it:
//
<@doc lines=e.docLines/>

</#if>
// ${e.name} ${summary}
</#macro>
<#-- comment lines: "// " + line, safe text (docLines are comment-safe) -->
<#macro doc lines indent="">
<#list lines as line>
${indent}//<#if line?has_content> ${line}</#if>
</#list>
</#macro>
<#-- the id field when the repository can assign it (string, uuid, integer, long), or "" -->
<#function idField entity>
  <#list entity.fields as f>
    <#if f.name == "id" && !f.many && ["string", "uuid", "integer", "long"]?seq_contains(f.type)><#return f></#if>
  </#list>
  <#return "">
</#function>
<#-- text on one comment line: control and line-separator characters as spaces, trimmed (gofmt drops trailing
     spaces) -->
<#function line text>
  <#return text?replace("[\\p{Cntrl}\\u2028\\u2029]", " ", "r")?trim>
</#function>
