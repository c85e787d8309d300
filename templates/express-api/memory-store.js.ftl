<#noparse>
'use strict';

const { toJson } = require('../json');

/**
 * An in-memory collection of records by key, with a unique index per unique field: the service's database. Lost on
 * restart; swap it for a real database behind the same methods.
 */
class MemoryStore {
  /**
   * @param {object} [options]
   * @param {string[]} [options.unique] the properties whose values no two records may share
   */
  constructor({ unique = [] } = {}) {
    /** @type {Map<string, object>} */
    this.records = new Map();
    /** @type {Map<string, Map<string, string>>} per unique property: value (as JSON text) to the key holding it */
    this.indexes = new Map(unique.map((property) => [property, new Map()]));
  }

  /** @returns {object[]} every record, in the order they were first stored */
  list() {
    return [...this.records.values()];
  }

  /** @returns {object|undefined} the record with the key */
  get(key) {
    return this.records.get(key);
  }

  /** @returns {boolean} whether a record has the key */
  has(key) {
    return this.records.has(key);
  }

  /**
   * @param {object} record a record about to be stored under the key
   * @param {string} key its key (a record never clashes with itself)
   * @returns {string[]} the unique properties whose value another record already has
   */
  clashes(record, key) {
    const taken = [];
    for (const [property, index] of this.indexes) {
      const holder = index.get(indexKey(own(record, property)));
      if (holder !== undefined && holder !== key) {
        taken.push(property);
      }
    }
    return taken;
  }

  /** Stores the record under the key, replacing any; check clashes first. */
  put(key, record) {
    this.unindex(key);
    this.records.set(key, record);
    for (const [property, index] of this.indexes) {
      const value = indexKey(own(record, property));
      if (value !== undefined) {
        index.set(value, key);
      }
    }
  }

  /** @returns {boolean} whether a record was removed */
  remove(key) {
    this.unindex(key);
    return this.records.delete(key);
  }

  unindex(key) {
    const old = this.records.get(key);
    if (old === undefined) {
      return;
    }
    for (const [property, index] of this.indexes) {
      const value = indexKey(own(old, property));
      if (value !== undefined && index.get(value) === key) {
        index.delete(value);
      }
    }
  }
}

function own(record, property) {
  return Object.hasOwn(record, property) ? record[property] : undefined;
}

/** @returns {string|undefined} a value as an index key (its JSON text), or undefined for no value */
function indexKey(value) {
  return value === undefined || value === null ? undefined : toJson(value);
}

module.exports = { MemoryStore };
</#noparse>
