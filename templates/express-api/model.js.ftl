<#import "lib/js.ftl" as js>
<#assign e = entity>
<#assign docs = e.docLines?has_content?then(e.docLines, ["${e.name} (no description in the spec)."])>
'use strict';
<#if e.kind == "enum">

<@js.doc lines=docs/>
const values = Object.freeze([
<#list e.values as v>
  ${jsString(v.value)},
</#list>
]);

/**
 * @param {*} input a value parsed from JSON
 * @returns {{field: string, problem: string}[]} a problem when the value is not one of the values
 */
function validate${e.name}(input) {
  return values.includes(input) ? [] : [{ field: '(value)', problem: `must be one of ${r"${values.join(', ')}"}` }];
}

module.exports = { name: ${jsString(e.name)}, kind: 'enum', values, validate: validate${e.name} };
<#elseif e.kind == "union">

<@js.doc lines=docs + ["", "One of: " + e.permits?join(", ") + (e.discriminator?has_content)?then(", told apart by the property " + js.line(e.discriminator), "") + "."]/>
const permits = Object.freeze([<#list e.permits as p>${jsString(p)}<#sep>, </#list>]);

/**
 * Checks that the value is an object; which branch it is, is left to the code that reads it.
 * @param {*} input a value parsed from JSON
 * @returns {{field: string, problem: string}[]} the problems; empty when valid
 */
function validate${e.name}(input) {
  const ok = input !== null && typeof input === 'object' && !Array.isArray(input);
  return ok ? [] : [{ field: '(body)', problem: 'must be a JSON object' }];
}

module.exports = {
  name: ${jsString(e.name)},
  kind: 'union',
  permits,
  discriminator: ${jsString(e.discriminator)},
  validate: validate${e.name},
};
<#else>

const { validate } = require('./validate');

<@js.doc lines=docs/>
const fields = Object.freeze([
<#list e.fields as f>
<#if f.docLines?has_content || f.exampleDoc?has_content>
<@js.doc lines=f.docLines + f.exampleDoc?has_content?then(["Example: " + f.exampleDoc], []) indent="  "/>
</#if>
  {
    name: ${jsString(f.jsonName)},
    type: ${jsString(f.type)},
    format: ${jsString(f.format)},
    many: ${f.many?c},
<#if f.target?has_content>
    target: ${jsString(f.target)},
</#if>
<#if f.type == "map">
    valueType: { type: ${jsString(f.valueType.type)}, target: ${jsString(f.valueType.target)}, many: ${f.valueType.many?c} },
</#if>
    rules: [<#list f.rules as r>{ kind: ${jsString(r.kind)}<#if r.value?has_content>, value: <#if r.kind == "pattern">${jsString(r.value)}<#else>${r.value}</#if></#if> }<#sep>, </#list>],
  },
</#list>
]);

/**
 * Checks a request body against the ${e.name} rules.
 * @param {*} input a value parsed from JSON
 * @returns {{field: string, problem: string}[]} every problem; empty when the value is a valid ${e.name}
 */
function validate${e.name}(input) {
  return validate(fields, input);
}

module.exports = { name: ${jsString(e.name)}, kind: 'object', fields, validate: validate${e.name} };
</#if>
