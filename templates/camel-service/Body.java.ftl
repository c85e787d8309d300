package ${project.packageName};
<#function ruleMap f>
<#local r = {}>
<#list f.rules as rule>
<#local r = r + {rule.kind: rule.value}>
</#list>
<#return r>
</#function>
<#function opt r kind><#return r[kind]???then(javaString(r[kind]), "null")></#function>
<#-- A Java expression making a valid JSON value of one item of the field (not the list) -->
<#function item f r>
<#switch f.type>
<#case "string">
<#return "ValidBodies.text(" + opt(r, "pattern") + ", " + (r.minLength!"0") + ", " + (r.maxLength!"100000") + ", " + javaString((r.email??)?then("email", f.format)) + ")">
<#case "integer"><#case "long"><#case "decimal"><#case "double"><#case "float">
<#return "ValidBodies.number(" + opt(r, "minimum") + ", " + opt(r, "exclusiveMinimum") + ", " + opt(r, "maximum") + ", " + opt(r, "exclusiveMaximum") + ", " + (r.positive??)?c + ", " + (f.type == "integer" || f.type == "long")?c + ")">
<#case "boolean"><#return "ValidBodies.JSON.booleanNode(true)">
<#case "date"><#return "ValidBodies.JSON.textNode(" + (r.future??)?then("\"2100-01-15\"", "\"2020-01-15\"") + ")">
<#case "datetime"><#return "ValidBodies.JSON.textNode(" + (r.future??)?then("\"2100-01-15T09:30:00Z\"", "\"2020-01-15T09:30:00Z\"") + ")">
<#case "uuid"><#return "ValidBodies.JSON.textNode(java.util.UUID.randomUUID().toString())">
<#case "uri"><#return "ValidBodies.JSON.textNode(\"https://example.com/\")">
<#case "bytes"><#return "ValidBodies.JSON.textNode(\"AA==\")">
<#case "enum">
<#return "ValidBodies.firstValue(" + project.packageName + ".model." + f.target + ".class)">
<#case "ref">
<#if f.targetKind == "object">
<#return f.target + "Body.of(true, depth + 1)">
</#if>
<#return "ValidBodies.JSON.objectNode()">
<#default><#return "ValidBodies.JSON.objectNode()">
</#switch>
</#function>

/**
 * A valid {@code ${entity.name}} request body for the API tests: every required field with a value that keeps every
 * rule of the field (its pattern, lengths, format, bounds, enum values); optional fields are left out.
 */
final class ${entity.name}Body {

    private ${entity.name}Body() {
    }
<#assign e = entity>

    /**
     * @param withId whether to give the id (a {@code ${e.name}} in another record's body keeps its id; a created one
     *               gets one from the service)
     * @return a valid {@code ${e.name}} body
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode of(boolean withId) {
        return of(withId, 0);
    }

    static com.fasterxml.jackson.databind.node.ObjectNode of(boolean withId, int depth) {
        if (depth > 5) {
            throw new IllegalStateException("${e.name} requires itself: no finite valid body");
        }
        com.fasterxml.jackson.databind.node.ObjectNode body = ValidBodies.JSON.objectNode();
<#list e.fields as f>
<#assign r = ruleMap(f)>
<#if f.jsonName == "id" && !f.many && e.hasId>
        if (withId) {
            body.set("id", ${item(f, r)});
        }
<#elseif r.required??>
<#if f.many>
        com.fasterxml.jackson.databind.node.ArrayNode ${f.name}Items = body.putArray(${javaString(f.jsonName)});
        for (int i = 0; i < ${(r.minItems!"0")}; i++) {
            ${f.name}Items.add(${item(f, r)});
        }
<#else>
        body.set(${javaString(f.jsonName)}, ${item(f, r)});
</#if>
</#if>
</#list>
        return body;
    }
}
