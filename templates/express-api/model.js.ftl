<#import "lib/js.ftl" as js>
<#assign e = entity>
<#assign docs = e.docLines?has_content?then(e.docLines, ["${e.name} (no description in the spec)."])>
<#assign id = js.idField(e)>
'use strict';
<#if e.kind == "enum">

<@js.doc lines=docs/>
const values = Object.freeze([
<#list e.values as v>
  ${jsString(v.value)},
</#list>
]);

/** ${e.name}: a string, one of the values exactly as spelled (src/models/validate.js checks it). */
module.exports = { name: ${jsString(e.name)}, kind: 'enum', values };
<#elseif e.kind == "union">
<@js.union e=e docs=docs/>
<#else>

const { validateObject, normalize } = require('./validate');

<@js.doc lines=docs + ["", "Each field: its JSON name, type (and format, list, nullable, target type), and the rules the service", "enforces: the spec's constraints (and the field-validators suggestions only if the spec enforces them), with", "the bounds as exact number text."]/>
const fields = Object.freeze([
<#list e.fields as f>
<#assign isId = id?is_hash && f.name == "id">
<#assign rules = f.rules?filter(r -> !(isId && r.kind == "required"))>
<#if f.docLines?has_content || f.exampleDoc?has_content || isId || f.notes?has_content>
<@js.doc lines=f.docLines + f.exampleDoc?has_content?then(["Example: " + f.exampleDoc], []) + isId?then(["The identifier: the service assigns it when a POST has none, so it is not required."], []) + f.notes indent="  "/>
</#if>
  {
    name: ${jsString(f.jsonName)},
    type: ${jsString(f.type)},
    format: ${jsString(f.format)},
    many: ${f.many?c},
    nullable: ${f.nullable?c},
<#if f.target?has_content>
    target: ${jsString(f.target)},
</#if>
<#if f.type == "map">
    valueType: { type: ${jsString(f.valueType.type)}, target: ${jsString(f.valueType.target)}, many: ${f.valueType.many?c} },
</#if>
    rules: [<#list rules as r>{ kind: ${jsString(r.kind)}<#if r.value?has_content>, value: <#if r.kind?matches("minLength|maxLength|minItems|maxItems")>${r.value}<#else>${jsString(r.value)}</#if></#if> }<#sep>, </#list>],
  },
</#list>
]);

const model = { name: ${jsString(e.name)}, kind: 'object', fields };

/**
 * Checks a request body against the ${e.name} rules.
 * @param {*} input a value parsed from JSON
 * @returns {import('../errors').Violation[]} every violation; empty when the value is a valid ${e.name}
 */
function validate${e.name}(input) {
  return validateObject(model, input);
}

/**
 * @param {object} input a valid ${e.name} (see validate${e.name})
 * @returns {object} the record to store: the fields in order, integers in plain digits, no null optional field
 */
function normalize${e.name}(input) {
  return normalize(model, input);
}

module.exports = { ...model, validate: validate${e.name}, normalize: normalize${e.name} };
</#if>
