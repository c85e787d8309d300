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
<#-- whether a union's value says which type it is: a discriminator, and a value of it for every concrete type -->
<#function tagged e>
  <#return e.discriminator?has_content && e.concrete?has_content && !e.concrete?filter(c -> !c.values?has_content)?has_content>
</#function>
<#-- A union's model module (a oneOf/anyOf, a discriminated supertype, an allOf with a oneOf part): its branches, the
     object model each discriminator value stands for (from the spec's mapping, or the schema names), every concrete
     object model a value can be, and validate/normalize, which src/models/validate.js dispatches to that model. -->
<#macro union e docs>
<#local isTagged = tagged(e)>
<#local seen = []>

const { validateUnion, normalizeUnion } = require('./validate');

<@doc lines=docs + ["", "One of: " + e.permits?join(", ") + (e.discriminator?has_content)?then(", told apart by the property " + line(e.discriminator), "") + "."]/>
const permits = Object.freeze([<#list e.permits as p>${jsString(p)}<#sep>, </#list>]);

<#if isTagged>
/** The object model each value of the property ${line(e.discriminator)} stands for. */
const mapping = new Map([
<#list e.concrete as c>
<#list c.values?filter(t -> !seen?seq_contains(t)) as t>
  [${jsString(t)}, ${jsString(c.name)}],
</#list>
<#local seen = seen + c.values>
</#list>
]);
<#else>
/** No discriminator: a value is the first of the concrete models it is valid as. */
const mapping = new Map();
</#if>

/** Every object model a value can be, through nested unions too. */
const concrete = Object.freeze([<#list e.concrete as c>${jsString(c.name)}<#sep>, </#list>]);

const model = {
  name: ${jsString(e.name)},
  kind: 'union',
  permits,
  discriminator: ${jsString(e.discriminator)},
  mapping,
  concrete,
};

/**
 * Checks a request body against the ${e.name} rules: <#if isTagged>its property ${line(e.discriminator)} names the model
 * that checks it (an absent or unknown value is a violation naming the values allowed)<#else>it must be valid as one of
 * ${e.concrete?map(c -> c.name)?join(", ")} (the first that accepts it)</#if>.
 * @param {*} input a value parsed from JSON
 * @returns {import('../errors').Violation[]} every violation; empty when the value is a valid ${e.name}
 */
function validate${e.name}(input) {
  return validateUnion(model, input);
}

/**
 * @param {object} input a valid ${e.name} (see validate${e.name})
 * @returns {object} the record to store, normalized by the object model the value is
 */
function normalize${e.name}(input) {
  return normalizeUnion(model, input);
}

module.exports = { ...model, validate: validate${e.name}, normalize: normalize${e.name} };
</#macro>
