<#import "lib/js.ftl" as js>
<#assign e = entity>
<#assign id = js.idField(e)>
'use strict';
<#if id?is_hash && (id.type == "string" || id.type == "uuid")>

const { randomUUID } = require('node:crypto');
</#if>

/**
 * ${e.name} business logic over a store (src/db/memory-store.js or your database behind the same methods).
 */
class ${e.name}Service {
  /** @param {import('../db/memory-store').MemoryStore} store where ${e.name} values live */
  constructor(store) {
    this.store = store;
    this.next = 0;
  }

  /** Gives the item an id when it has none<#if !id?is_hash> (${e.name} has no id property: the store key is kept apart)</#if>. */
  assignId(item) {
<#if id?is_hash>
    if (item[${jsString(id.jsonName)}] === undefined || item[${jsString(id.jsonName)}] === null) {
<#if id.type == "string" || id.type == "uuid">
      item[${jsString(id.jsonName)}] = randomUUID();
<#else>
      this.next += 1;
      item[${jsString(id.jsonName)}] = this.next;
</#if>
    }
</#if>
  }

  /** @returns {object[]} every ${e.name} */
  list() {
    return this.store.list();
  }

  /** @returns {object|undefined} the ${e.name} with the id */
  get(id) {
    return this.store.get(id);
  }

  /** Stores a valid ${e.name}. @returns {string} its id */
  create(item) {
<#if id?is_hash>
    const id = String(item[${jsString(id.jsonName)}]);
<#else>
    this.next += 1;
    const id = String(this.next);
</#if>
    this.store.put(id, item);
    return id;
  }

  /** Replaces the ${e.name} with the id. @returns {boolean} whether there was one */
  update(id, item) {
    if (!this.store.has(id)) {
      return false;
    }
    this.store.put(id, item);
    return true;
  }

  /** @returns {boolean} whether a ${e.name} was removed */
  remove(id) {
    return this.store.remove(id);
  }
}

module.exports = { ${e.name}Service };
