<#import "lib/js.ftl" as js>
<#assign e = entity>
<#assign id = js.idField(e)>
<#assign unique = e.fields?filter(f -> f.unique && !f.many && !(id?is_hash && f.name == "id"))>
'use strict';

const { CrudService } = require('./crud-service');
const { MemoryStore } = require('../db/memory-store');
const model = require('../models/${e.kebab}');

/**
 * ${e.name} business logic: validation, <#if id?is_hash>ids (${id.type}: <#if id.type == "integer" || id.type == "long">one more than the largest stored<#else>a random UUID</#if> when a POST has none)<#else>a key the service assigns (${e.name} has no id property)</#if>,
<#if unique?has_content>
 * unique <#list unique as f>${js.line(f.jsonName)}<#sep>, </#list> (a 409 when another record has the value),
</#if>
 * over a store (src/db/memory-store.js, or your database behind the same methods). Add ${e.name} rules here.
 */
class ${e.name}Service extends CrudService {
  /** @param {MemoryStore} [store] where ${e.name} records live (a new memory store by default) */
  constructor(store = new MemoryStore({ unique: [<#list unique as f>${jsString(f.jsonName)}<#sep>, </#list>] })) {
    super({ model, idType: <#if id?is_hash>${jsString(id.type)}<#else>null</#if>, store });
  }
}

module.exports = { ${e.name}Service };
